import { describe, expect, it } from 'vitest'

import type { McpCheckResult } from '../api/types'
import { failureLabel, formatLatency, historyPoints, historySummary } from './checks'

const ok = (at: string, latency: number): McpCheckResult => ({ checked_at: at, ok: true, latency_ms: latency, tool_count: 3 })
const down = (at: string): McpCheckResult => ({
  checked_at: at,
  ok: false,
  latency_ms: 10_000,
  error: { kind: 'timeout', message: 'no answer within 10 s' },
})

describe('historyPoints', () => {
  it('puts the oldest check first, plots latency and marks failures without a value', () => {
    // The API lists newest first.
    const points = historyPoints([ok('2026-01-01T10:03:00Z', 40), down('2026-01-01T10:02:00Z'), ok('2026-01-01T10:01:00Z', 120)])
    expect(points.map((p) => p.value)).toEqual([120, null, 40])
    expect(points[1]?.label).toMatch(/timed out$/)
    expect(points[2]?.label).toMatch(/ok in 40 ms$/)
  })

  it('is empty for no history', () => {
    expect(historyPoints([])).toEqual([])
  })
})

describe('historySummary', () => {
  it('counts failures', () => {
    expect(historySummary([ok('a', 1), down('b')])).toBe('2 checks, 1 failed')
    expect(historySummary([ok('a', 1)])).toBe('1 check, all ok')
  })
})

describe('failureLabel', () => {
  it('names the kind and adds the exit code or HTTP status', () => {
    expect(failureLabel({ kind: 'not_found', message: 'x' })).toBe('Not found')
    expect(failureLabel({ kind: 'exited', message: 'x', exit_code: 1 })).toBe('Exited (code 1)')
    expect(failureLabel({ kind: 'http', message: 'x', http_status: 503 })).toBe('HTTP error (503)')
  })
})

describe('formatLatency', () => {
  it('uses ms below a second and seconds above', () => {
    expect(formatLatency(42.4)).toBe('42 ms')
    expect(formatLatency(1530)).toBe('1.53 s')
    expect(formatLatency(12_345)).toBe('12.3 s')
    expect(formatLatency(null)).toBe('—')
  })
})
