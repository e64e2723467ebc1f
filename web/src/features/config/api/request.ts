import { createAuthFetch, parseRetryAfter, toApiError } from '@/lib/api-client'
import { apiRequest } from '@/lib/api-request'
import { session } from '@/lib/session'

// The configuration endpoints are not in schema.gen.ts yet: JSON ones go through the shared
// `apiRequest`; the export, whose answer is a file, needs the response itself.
const authFetch = createAuthFetch(session)

/** A JSON request whose answer is JSON (an ApiError when it fails). */
export const requestJson = apiRequest

/** Sends a JSON body and returns the response (for its text and headers); a failed one becomes an ApiError. */
export async function send(method: 'POST', path: string, body: unknown): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json, application/yaml', 'Content-Type': 'application/json' })
  const request = new Request(new URL(path, window.location.origin), { method, headers, body: JSON.stringify(body) })
  let response: Response
  try {
    response = await authFetch(request)
  } catch {
    throw toApiError(0, undefined)
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined)
    const error = toApiError(response.status, payload)
    error.retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'))
    throw error
  }
  return response
}
