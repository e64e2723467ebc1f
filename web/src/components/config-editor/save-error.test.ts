import { describe, expect, it } from 'vitest'

import { ApiError } from '@/lib/api-client'

import { readSaveError } from './save-error'

describe('readSaveError', () => {
  it('reads the message and field errors of the app’s ApiError', () => {
    const error = new ApiError(422, 'validation', 'Invalid configuration', { timeout_s: 'must be ≥ 1', 'env.FOO': 'reserved' })
    expect(readSaveError(error)).toEqual({ message: 'Invalid configuration', fields: { timeout_s: 'must be ≥ 1', 'env.FOO': 'reserved' } })
  })

  it('reads an ApiError-like plain object and skips fields that are not text', () => {
    expect(readSaveError({ message: 'Nope', fields: { a: 'bad', b: 3 } })).toEqual({ message: 'Nope', fields: { a: 'bad' } })
  })

  it('falls back to a readable message for anything else', () => {
    expect(readSaveError(new Error('Network down'))).toEqual({ message: 'Network down', fields: {} })
    expect(readSaveError('Conflict')).toEqual({ message: 'Conflict', fields: {} })
    expect(readSaveError(undefined)).toEqual({ message: 'The server did not accept the changes.', fields: {} })
  })
})
