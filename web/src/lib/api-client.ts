import createClient, { type Middleware } from 'openapi-fetch'

import type { components, paths } from '@/lib/api/schema.gen'
import { session, type SessionManager } from '@/lib/session'

export type Schemas = components['schemas']

/** An error the API returned (or a network failure), with the server's stable `code` and per-field messages. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>
  /** Seconds to wait before asking again (429), from the Retry-After header; null when absent. */
  retryAfterSeconds: number | null = null

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

/**
 * Retry-After is either delay-seconds or an HTTP date. Returns whole seconds from `now`
 * (never negative), or null when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (value == null || value.trim() === '') return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000))
}

/** Endpoints that answer 401 for a reason a token refresh cannot fix (wrong password, no cookie). */
const NO_RETRY_PATHS = new Set(['/api/auth/login', '/api/auth/refresh'])

/**
 * fetch with the session's bearer token. On a 401 it renews the token once (single-flight, shared
 * with every other request in the tab) and retries the request once with the new token; if the
 * session cannot be renewed, the session ends and the 401 goes back to the caller.
 */
export function createAuthFetch(
  auth: Pick<SessionManager, 'getAccessToken' | 'tokenAfterUnauthorized'>,
  baseFetch: (request: Request) => Promise<Response> = (request) => globalThis.fetch(request),
) {
  return async (request: Request): Promise<Response> => {
    const retryable = !NO_RETRY_PATHS.has(new URL(request.url).pathname)
    // The body can be read only once: keep a copy for the retry.
    const copy = retryable ? request.clone() : undefined
    const token = auth.getAccessToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    const response = await baseFetch(request)
    if (response.status !== 401 || !copy) return response
    const fresh = await auth.tokenAfterUnauthorized(token)
    if (!fresh) return response
    copy.headers.set('Authorization', `Bearer ${fresh}`)
    return baseFetch(copy)
  }
}

/** Same-origin client: the backend serves both the app and the API (Vite proxies /api in development). */
export const api = createClient<paths>({ baseUrl: '', fetch: createAuthFetch(session) })

/** The one place requests are decorated; the bearer token is added by createAuthFetch. */
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
  if (!result.response.ok) {
    const error = toApiError(result.response.status, result.error)
    error.retryAfterSeconds = parseRetryAfter(result.response.headers.get('Retry-After'))
    throw error
  }
  return result.data as T
}

/** Field errors of an error if it has any, else an empty map. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {}
}
