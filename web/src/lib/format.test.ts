import { describe, expect, it } from 'vitest'

import { formatRelativeTime } from '@/lib/format'

const now = new Date('2026-03-10T12:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('formatRelativeTime', () => {
  it.each([
    [ago(10_000), 'just now'],
    [ago(44_000), 'just now'],
    [ago(5 * MIN), '5 minutes ago'],
    [ago(1 * MIN), '1 minute ago'],
    [ago(3 * HOUR), '3 hours ago'],
    [ago(1 * DAY), 'yesterday'],
    [ago(4 * DAY), '4 days ago'],
    [new Date(now.getTime() + 2 * HOUR).toISOString(), 'in 2 hours'],
  ])('%s is "%s"', (value, expected) => {
    expect(formatRelativeTime(value, now)).toBe(expected)
  })

  it('shows the date itself past a month', () => {
    expect(formatRelativeTime('2025-12-25T12:00:00Z', now)).toBe('Dec 25, 2025')
  })

  it('says "unknown" for an unparseable timestamp instead of "NaN"', () => {
    expect(formatRelativeTime('not a date', now)).toBe('unknown')
  })
})
