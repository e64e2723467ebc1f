import { describe, expect, it } from 'vitest'

import { formatValue, isSecret } from './values'

describe('formatValue', () => {
  it('shows scalars as they are and a missing value as unset', () => {
    expect(formatValue('claude')).toBe('claude')
    expect(formatValue('')).toBe('""')
    expect(formatValue(3)).toBe('3')
    expect(formatValue(false)).toBe('false')
    expect(formatValue(null)).toBe('unset')
    expect(formatValue(undefined)).toBe('unset')
  })

  it('masks secrets, whatever they hold', () => {
    expect(formatValue({ secret: '********' })).toBe('********')
    expect(formatValue({ secret: 'plain' })).toBe('********')
  })

  it('writes lists and objects in a compact flow style', () => {
    expect(formatValue(['/a', 'b, c', 2])).toBe('[/a, "b, c", 2]')
    expect(formatValue({ on: ['failed'], to: null })).toBe('{on: [failed], to: null}')
    expect(formatValue({ key: { secret: '********' } })).toBe('{key: ********}')
    expect(formatValue({})).toBe('{}')
  })
})

describe('isSecret', () => {
  it('is an object with only a string `secret`', () => {
    expect(isSecret({ secret: '********' })).toBe(true)
    expect(isSecret({ secret: 'x', other: 1 })).toBe(false)
    expect(isSecret({ secret: 1 })).toBe(false)
    expect(isSecret(['secret'])).toBe(false)
    expect(isSecret('secret')).toBe(false)
  })
})
