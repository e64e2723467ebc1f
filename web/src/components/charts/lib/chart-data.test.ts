import { describe, expect, it } from 'vitest'

import {
  formatBucketRange,
  isolatedPoints,
  formatBucketTick,
  hasDurations,
  hasOutcomes,
  hasUsage,
  perBucketLabel,
  summarize,
  toChartData,
  type MetricsBucket,
} from './chart-data'

function bucket(start: string, over: Partial<MetricsBucket> = {}): MetricsBucket {
  return {
    start,
    completed: 0,
    failed: 0,
    cancelled: 0,
    interrupted: 0,
    tasks: 0,
    task_p50_ms: null,
    task_p90_ms: null,
    task_p99_ms: null,
    input_tokens: 0,
    output_tokens: 0,
    cost_usd: 0,
    ...over,
  }
}

describe('toChartData', () => {
  const series = {
    range: '24h' as const,
    bucket_seconds: 3600,
    buckets: [
      bucket('2026-03-01T11:00:00Z', { completed: 3, failed: 1, interrupted: 1, tasks: 9, task_p50_ms: 1200, task_p90_ms: 4000, task_p99_ms: 9000, input_tokens: 100, output_tokens: 50, cost_usd: 0.25 }),
      bucket('2026-03-01T10:00:00Z', { cancelled: 2 }),
      bucket('not a date', { completed: 99 }),
    ],
  }
  const data = toChartData(series)

  it('orders buckets by time and drops unreadable ones', () => {
    expect(data.outcomes.map((r) => new Date(r.t).toISOString())).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z'])
  })

  it('stacks outcomes and totals them', () => {
    expect(data.outcomes[1]).toMatchObject({ completed: 3, failed: 1, cancelled: 0, interrupted: 1, total: 5 })
    expect(data.outcomes[0]).toMatchObject({ cancelled: 2, total: 2 })
  })

  it('keeps buckets without tasks as gaps in the duration lines, not zeros', () => {
    expect(data.durations[0]).toMatchObject({ p50: null, p90: null, p99: null })
    expect(data.durations[1]).toMatchObject({ p50: 1200, p90: 4000, p99: 9000 })
  })

  it('carries tokens and cost per bucket', () => {
    expect(data.usage[1]).toMatchObject({ input: 100, output: 50, cost: 0.25 })
  })

  it('summarises the range', () => {
    expect(data.summary).toEqual({ executions: 7, completed: 3, successRate: 3 / 7, tasks: 9, tokens: 150, cost: 0.25 })
  })
})

describe('emptiness', () => {
  it('says a quiet range has nothing to draw', () => {
    const quiet = toChartData({ bucket_seconds: 300, buckets: [bucket('2026-03-01T10:00:00Z')] })
    expect(hasOutcomes(quiet.outcomes)).toBe(false)
    expect(hasDurations(quiet.durations)).toBe(false)
    expect(hasUsage(quiet.usage)).toBe(false)
    expect(summarize([]).successRate).toBeNull()
  })
})

describe('isolatedPoints', () => {
  it('finds values with gaps on both sides', () => {
    const rows = [{ p: 1 }, { p: null }, { p: 2 }, { p: null }, { p: 3 }, { p: 4 }]
    expect([...isolatedPoints(rows, 'p')]).toEqual([0, 2])
    expect(isolatedPoints([{ p: null }], 'p').size).toBe(0)
  })
})

describe('perBucketLabel', () => {
  it.each([
    [300, 'per 5 minutes'],
    [60, 'per minute'],
    [3600, 'per hour'],
    [21600, 'per 6 hours'],
    [86400, 'per day'],
    [172800, 'per 2 days'],
  ])('%i s → %s', (seconds, label) => expect(perBucketLabel(seconds)).toBe(label))
})

describe('bucket times', () => {
  const t = Date.parse('2026-03-05T14:00:00Z')
  it('labels ticks by how long a bucket is', () => {
    expect(formatBucketTick(t, 300, 'UTC')).toBe('14:00')
    expect(formatBucketTick(t, 3600, 'UTC')).toBe('14:00')
    expect(formatBucketTick(t, 21600, 'UTC')).toBe('Mar 5 14:00')
    expect(formatBucketTick(t, 86400, 'UTC')).toBe('Mar 5')
  })
  it('gives the tooltip the whole bucket', () => {
    expect(formatBucketRange(t, 3600, 'UTC')).toBe('Mar 5, 14:00 – 15:00')
    expect(formatBucketRange(t, 86400, 'UTC')).toBe('Mar 5')
  })
})
