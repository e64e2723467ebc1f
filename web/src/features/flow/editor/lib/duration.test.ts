import { describe, expect, it } from 'vitest'

import { formatDuration, parseDuration } from './duration'

describe('parseDuration', () => {
  it('reads the forms the server reads', () => {
    for (const [text, seconds] of [['90s', 90], ['30m', 1800], ['2h', 7200], ['1h30m', 5400], ['1d', 86_400], ['45', 45]] as const) {
      expect(parseDuration(text), text).toBe(seconds)
    }
  })

  it('refuses what the server refuses', () => {
    for (const text of ['', '0', 'm', '10 minutes', '-5s', '1.5h', '0s', '30x']) expect(parseDuration(text), text).toBeNull()
  })
})

describe('formatDuration', () => {
  it('writes the shortest form that reads back the same', () => {
    expect(formatDuration(5400)).toBe('1h30m')
    expect(formatDuration(45)).toBe('45s')
    expect(formatDuration(1800)).toBe('30m')
    expect(formatDuration(90_061)).toBe('1d1h1m1s')
    for (const seconds of [1, 59, 61, 3599, 86_400, 100_000]) expect(parseDuration(formatDuration(seconds))).toBe(seconds)
  })
})
