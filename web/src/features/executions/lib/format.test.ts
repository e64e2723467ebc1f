import { describe, expect, it } from 'vitest'

import { durationBetween, formatCost, formatDuration, formatTokens } from './format'

describe('formatDuration', () => {
  it('picks a unit that fits', () => {
    expect(formatDuration(850)).toBe('850 ms')
    expect(formatDuration(4883)).toBe('4.8 s')
    expect(formatDuration(59_999)).toBe('59.9 s')
    expect(formatDuration(65_000)).toBe('1 m 05 s')
    expect(formatDuration(2 * 3600_000 + 3 * 60_000 + 10_000)).toBe('2 h 03 m')
  })
  it('says — when unknown', () => {
    expect(formatDuration(null)).toBe('—')
    expect(formatDuration(undefined)).toBe('—')
    expect(formatDuration(-5)).toBe('—')
  })
})

describe('durationBetween', () => {
  it('measures to the end, or to now while running', () => {
    expect(durationBetween('2026-01-01T00:00:00Z', '2026-01-01T00:00:05Z')).toBe(5000)
    expect(durationBetween('2026-01-01T00:00:00Z', null, Date.parse('2026-01-01T00:01:00Z'))).toBe(60_000)
    expect(durationBetween(null, null)).toBeNull()
    expect(durationBetween('not a date', null)).toBeNull()
  })
})

describe('formatCost', () => {
  it('shows four decimals', () => {
    expect(formatCost(0.09799999999999999)).toBe('$0.0980')
    expect(formatCost(0)).toBe('$0.0000')
    expect(formatCost(12.5)).toBe('$12.5000')
    expect(formatCost(null)).toBe('—')
  })
})

describe('formatTokens', () => {
  it('groups small counts and shortens large ones', () => {
    expect(formatTokens(152)).toBe('152')
    expect(formatTokens(4670)).toBe('4,670')
    expect(formatTokens(32_690)).toBe('32.7k')
    expect(formatTokens(40_000)).toBe('40k')
    expect(formatTokens(1_250_000)).toBe('1.3M')
  })
})
