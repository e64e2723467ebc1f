import createClient, { type Middleware } from 'openapi-fetch'

import type { components, paths } from '@/lib/api/schema.gen'

export type Schemas = components['schemas']

/** An error the API returned (or a network failure), with the server's stable `code` and per-field messages. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Turns whatever came back with a failed response into an ApiError. The server always answers
 * `{"error":{"code","message","fields"?}}`, but a proxy or a crash may answer anything, so every
 * part is checked and a readable fallback is used.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined
  const code = typeof error?.code === 'string' ? error.code : status === 0 ? 'network' : 'http_error'
  const message =
    typeof error?.message === 'string' && error.message.trim() !== ''
      ? error.message
      : status === 0
        ? 'Could not reach the Baton server.'
        : `Request failed (${status}).`
  const fields: Record<string, string> = {}
  if (isRecord(error?.fields)) {
    for (const [name, text] of Object.entries(error.fields)) {
      if (typeof text === 'string') fields[name] = text
    }
  }
  return new ApiError(status, code, message, fields)
}

/** Same-origin client: the backend serves both the app and the API (Vite proxies /api in development). */
export const api = createClient<paths>({ baseUrl: '' })

/**
 * The one place requests are decorated. Authentication plugs in here when it lands:
 * set `Authorization: Bearer <token>` in onRequest and react to 401 in onResponse.
 */
const middleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json')
    return request
  },
}
api.use(middleware)

type FetchResult<T> = { data?: T; error?: unknown; response: Response }

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError built from the error body. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>
  try {
    result = await call
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw toApiError(0, undefined)
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error)
  return result.data as T
}

/** Field errors of an error if it has any, else an empty map. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {}
}
