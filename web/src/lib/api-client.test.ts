import { describe, expect, it, vi } from 'vitest'

import { ApiError, createAuthFetch, fieldErrorsOf, parseRetryAfter, toApiError } from '@/lib/api-client'

describe('toApiError', () => {
  it('keeps the code, message and field errors of the server’s error body', () => {
    const error = toApiError(422, {
      error: { code: 'validation_failed', message: 'Some fields are invalid', fields: { name: 'must not be empty', config: 'must be a JSON object (got an array)' } },
    })
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toBeInstanceOf(Error)
    expect(error.status).toBe(422)
    expect(error.code).toBe('validation_failed')
    expect(error.message).toBe('Some fields are invalid')
    expect(error.fields).toEqual({ name: 'must not be empty', config: 'must be a JSON object (got an array)' })
  })

  it('treats a missing or null fields map as no field errors', () => {
    expect(toApiError(409, { error: { code: 'conflict', message: 'busy' } }).fields).toEqual({})
    expect(toApiError(409, { error: { code: 'conflict', message: 'busy', fields: null } }).fields).toEqual({})
  })

  it('drops field messages that are not strings', () => {
    const error = toApiError(422, { error: { code: 'validation_failed', message: 'x', fields: { name: 'bad', limit: 5 } } })
    expect(error.fields).toEqual({ name: 'bad' })
  })

  it('falls back to a readable message when the body is not the API’s shape', () => {
    const error = toApiError(502, '<html>Bad gateway</html>')
    expect(error.code).toBe('http_error')
    expect(error.message).toBe('Request failed (502).')
    expect(toApiError(500, { error: { code: 'internal', message: '   ' } }).message).toBe('Request failed (500).')
  })

  it('describes a network failure (status 0)', () => {
    const error = toApiError(0, undefined)
    expect(error.code).toBe('network')
    expect(error.message).toBe('Could not reach the Baton server.')
  })
})

describe('fieldErrorsOf', () => {
  it('returns the field errors of an ApiError and nothing for other errors', () => {
    expect(fieldErrorsOf(new ApiError(409, 'conflict', 'dup', { name: 'taken' }))).toEqual({ name: 'taken' })
    expect(fieldErrorsOf(new Error('boom'))).toEqual({})
  })
})

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and ignores anything else', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('60', now)).toBe(60)
    expect(parseRetryAfter(' 5 ', now)).toBe(5)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90)
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseRetryAfter('soon', now)).toBeNull()
  })
})

describe('createAuthFetch', () => {
  const url = (path: string) => `http://baton.test${path}`

  function auth(initial: string | null) {
    let token = initial
    return {
      getAccessToken: () => token,
      tokenAfterUnauthorized: vi.fn(async (used: string | null) => {
        token = used === 'expired' ? 'fresh' : null
        return token
      }),
    }
  }

  it('sends the bearer token', async () => {
    const seen: (string | null)[] = []
    const authFetch = createAuthFetch(auth('t1'), async (request) => {
      seen.push(request.headers.get('Authorization'))
      return new Response(null, { status: 204 })
    })
    await authFetch(new Request(url('/api/projects')))
    expect(seen).toEqual(['Bearer t1'])
  })

  it('on a 401 renews once and retries once, with the same body', async () => {
    const session = auth('expired')
    const seen: { auth: string | null; body: string }[] = []
    const authFetch = createAuthFetch(session, async (request) => {
      seen.push({ auth: request.headers.get('Authorization'), body: await request.text() })
      return new Response(null, { status: seen.length === 1 ? 401 : 201 })
    })
    const response = await authFetch(new Request(url('/api/projects'), { method: 'POST', body: '{"name":"x"}' }))
    expect(response.status).toBe(201)
    expect(session.tokenAfterUnauthorized).toHaveBeenCalledTimes(1)
    expect(seen).toEqual([
      { auth: 'Bearer expired', body: '{"name":"x"}' },
      { auth: 'Bearer fresh', body: '{"name":"x"}' },
    ])
  })

  it('gives the 401 back when the session cannot be renewed, and never retries twice', async () => {
    const session = auth('gone')
    const baseFetch = vi.fn(async () => new Response(null, { status: 401 }))
    const response = await createAuthFetch(session, baseFetch)(new Request(url('/api/projects')))
    expect(response.status).toBe(401)
    expect(baseFetch).toHaveBeenCalledTimes(1)

    const alwaysExpired = { getAccessToken: () => 'expired', tokenAfterUnauthorized: vi.fn(async () => 'fresh') }
    const always401 = vi.fn(async () => new Response(null, { status: 401 }))
    expect((await createAuthFetch(alwaysExpired, always401)(new Request(url('/api/users')))).status).toBe(401)
    expect(always401).toHaveBeenCalledTimes(2)
  })

  it('does not refresh for a wrong password or a refused refresh', async () => {
    const session = auth('expired')
    const baseFetch = vi.fn(async () => new Response(null, { status: 401 }))
    const authFetch = createAuthFetch(session, baseFetch)
    await authFetch(new Request(url('/api/auth/login'), { method: 'POST', body: '{}' }))
    await authFetch(new Request(url('/api/auth/refresh'), { method: 'POST' }))
    expect(session.tokenAfterUnauthorized).not.toHaveBeenCalled()
    expect(baseFetch).toHaveBeenCalledTimes(2)
  })
})
