import { describe, expect, it } from 'vitest'

import { durationTicks, formatCompact, formatDuration, formatDurationTick, formatUsd } from './metric-format'

describe('metric formats', () => {
  it.each([
    [850, '850 ms'],
    [4900, '4.9 s'],
    [65_000, '1 m 05 s'],
    [7_380_000, '2 h 03 m'],
    [null, '—'],
  ])('duration %s → %s', (ms, text) => expect(formatDuration(ms)).toBe(text))

  it.each([
    [0, '0'],
    [50, '50ms'],
    [500, '0.5s'],
    [4000, '4s'],
    [12_500, '13s'],
    [120_000, '2m'],
    [5_400_000, '1.5h'],
  ])('duration tick %d → %s', (ms, text) => expect(formatDurationTick(ms)).toBe(text))

  it.each([
    [0, '$0'],
    [0.0042, '$0.0042'],
    [1.267, '$1.27'],
    [1234.4, '$1,234'],
  ])('usd %d → %s', (usd, text) => expect(formatUsd(usd)).toBe(text))

  it.each([
    [950, '950'],
    [12_345, '12k'],
    [1_500, '1.5k'],
    [4_500_000, '4.5M'],
  ])('compact %d → %s', (count, text) => expect(formatCompact(count)).toBe(text))
})

describe('durationTicks', () => {
  it.each([
    [0, [0]],
    [450, [0, 100, 200, 300, 400, 500]],
    [4_300, [0, 1000, 2000, 3000, 4000, 5000]],
    [258_000, [0, 60_000, 120_000, 180_000, 240_000, 300_000]],
    [95_000, [0, 30_000, 60_000, 90_000, 120_000]],
    [7_200_000, [0, 1_800_000, 3_600_000, 5_400_000, 7_200_000]],
  ])('up to %d ms → %j', (max, ticks) => expect(durationTicks(max)).toEqual(ticks))

  it('stays within five steps for very long durations', () => {
    expect(durationTicks(30 * 24 * 3_600_000).length).toBeLessThanOrEqual(7)
  })
})
