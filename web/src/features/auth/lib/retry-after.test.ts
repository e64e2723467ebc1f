import { describe, expect, it } from 'vitest'

import { formatRetryAfter } from './retry-after'

describe('formatRetryAfter', () => {
  it('says when to try again', () => {
    expect(formatRetryAfter(45)).toBe('Try again in 45 seconds.')
    expect(formatRetryAfter(60)).toBe('Try again in 1 minute.')
    expect(formatRetryAfter(61)).toBe('Try again in 2 minutes.')
    expect(formatRetryAfter(1)).toBe('Try again now.')
    expect(formatRetryAfter(0)).toBe('Try again now.')
  })

  it('falls back to a general line without a Retry-After header', () => {
    expect(formatRetryAfter(null)).toBe('Wait a minute, then try again.')
  })
})
