import { createAuthFetch, parseRetryAfter, toApiError } from '@/lib/api-client'
import { session } from '@/lib/session'

type Query = Record<string, string | number | boolean | null | undefined>

const authFetch = createAuthFetch(session)

/**
 * A JSON request to an endpoint the generated schema does not describe yet, with the same
 * session handling and error shape (ApiError) as the typed client. Switch callers to `api` once
 * `schema.gen.ts` has their paths.
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  { query, body, signal }: { query?: Query; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const url = new URL(path, window.location.origin)
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value))
  }
  const headers = new Headers({ Accept: 'application/json' })
  if (body !== undefined) headers.set('Content-Type', 'application/json')
  let response: Response
  try {
    response = await authFetch(new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal }))
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw toApiError(0, undefined)
  }
  const text = await response.text()
  let data: unknown = undefined
  if (text !== '') {
    try {
      data = JSON.parse(text)
    } catch {
      data = text
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, data)
    error.retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'))
    throw error
  }
  return data as T
}

/** `encodeURIComponent` for one path segment (server names may hold any character). */
export const segment = encodeURIComponent
