import { describe, expect, it } from 'vitest'

import { ApiError, fieldErrorsOf, toApiError } from '@/lib/api-client'

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
