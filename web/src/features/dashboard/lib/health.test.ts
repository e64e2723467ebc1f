import { describe, expect, it } from 'vitest'

import type { SystemHealth } from '../api/types'
import { addHealthSample, EMPTY_HISTORY, formatBytes, formatPercent, formatUptime, usedPercent } from './health'

function health(uptime_s: number, over: { started_at?: string; cpu?: number | null } = {}): SystemHealth {
  return {
    status: 'ok',
    version: '0.1.0',
    started_at: over.started_at ?? '2026-03-01T10:00:00Z',
    uptime_s,
    host: {
      cpus: 8,
      cpu_percent: over.cpu === undefined ? 12.5 : over.cpu,
      load_average: [0.5, 0.4, 0.3],
      memory_total_bytes: 1000,
      memory_available_bytes: 250,
      disk_total_bytes: 2000,
      disk_available_bytes: 1000,
    },
    process: { rss_bytes: 1, cpu_percent: null },
    database: { size_bytes: 1, wal_bytes: 0 },
    realtime: { clients: 1, lagged_clients: 0, events_sent: 0, queued: 0 },
    queues: { log_entries: 0, tasks_running: 0, tasks_waiting: 0, executions_running: 0 },
  }
}

describe('formatting', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [3.42 * 1024 ** 3, '3.42 GB'],
    [150 * 1024 ** 4, '150 TB'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('bytes %d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text))

  it.each([
    [0, '0%'],
    [3.44, '3.4%'],
    [57.4, '57%'],
    [null, '—'],
  ])('percent %s → %s', (value, text) => expect(formatPercent(value)).toBe(text))

  it.each([
    [42, '42 s'],
    [720, '12 min'],
    [3 * 3600 + 5 * 60, '3 h 05 min'],
    [6 * 86400 + 4 * 3600 + 59, '6 d 4 h'],
  ])('uptime %d → %s', (seconds, text) => expect(formatUptime(seconds)).toBe(text))

  it('computes used shares', () => {
    expect(usedPercent(1000, 250)).toBe(75)
    expect(usedPercent(0, 0)).toBeNull()
  })
})

describe('addHealthSample', () => {
  it('adds samples in time order and does not repeat one', () => {
    let history = addHealthSample(EMPTY_HISTORY, health(10))
    history = addHealthSample(history, health(15, { cpu: 40 }))
    history = addHealthSample(history, health(15, { cpu: 40 }))
    expect(history.samples.map((s) => [s.cpu, s.memory])).toEqual([
      [12.5, 75],
      [40, 75],
    ])
  })

  it('keeps cpu unknown until the server knows it', () => {
    expect(addHealthSample(EMPTY_HISTORY, health(1, { cpu: null })).samples[0]?.cpu).toBeNull()
  })

  it('drops samples older than the window', () => {
    let history = addHealthSample(EMPTY_HISTORY, health(0), 60_000)
    history = addHealthSample(history, health(30), 60_000)
    history = addHealthSample(history, health(61), 60_000)
    expect(history.samples).toHaveLength(2)
  })

  it('starts over when the server restarted', () => {
    const before = addHealthSample(addHealthSample(EMPTY_HISTORY, health(100)), health(105))
    const after = addHealthSample(before, health(5, { started_at: '2026-03-01T12:00:00Z' }))
    expect(after.samples).toHaveLength(1)
  })
})
