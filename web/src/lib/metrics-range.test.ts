import { describe, expect, it } from 'vitest'

import { DEFAULT_RANGE, parseRange } from './metrics-range'

describe('parseRange', () => {
  it('keeps the ranges the server knows and falls back to the default for anything else', () => {
    expect(parseRange('7d')).toBe('7d')
    expect(parseRange('1h')).toBe('1h')
    expect(parseRange('2w')).toBe(DEFAULT_RANGE)
    expect(parseRange(null)).toBe(DEFAULT_RANGE)
  })
})
