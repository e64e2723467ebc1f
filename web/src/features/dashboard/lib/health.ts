import type { SystemHealth } from '../api/types'

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']

/** "0 B", "512 B", "1.5 KB", "12 MB", "3.42 GB" (powers of 1024, three significant digits). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  if (unit === 0) return `${Math.round(value)} B`
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0
  const text = digits === 0 ? value.toFixed(0) : value.toFixed(digits).replace(/\.?0+$/, '')
  return `${text} ${UNITS[unit]}`
}

/** "0%", "3.4%", "57%": one decimal below 10 so small loads do not all read "0%". */
export function formatPercent(percent: number | null | undefined): string {
  if (percent == null || !Number.isFinite(percent)) return '—'
  const clamped = Math.max(0, percent)
  return clamped < 10 ? `${clamped.toFixed(1).replace(/\.0$/, '')}%` : `${Math.round(clamped)}%`
}

/** "42 s", "12 min", "3 h 05 min", "6 d 4 h". */
export function formatUptime(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.floor(seconds)
  if (s < 60) return `${s} s`
  const minutes = Math.floor(s / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`
  return `${Math.floor(hours / 24)} d ${hours % 24} h`
}

/** Used share (0–100) of a total of which `available` is free; null when the total is unknown. */
export function usedPercent(total: number, available: number): number | null {
  if (!Number.isFinite(total) || total <= 0) return null
  return Math.min(100, Math.max(0, ((total - available) / total) * 100))
}

export type HealthSample = { t: number; cpu: number | null; memory: number | null }

export type HealthHistory = { startedAt: string | null; samples: HealthSample[] }

/** How far back the sparklines go (the server sends a sample every 5 s). */
export const HISTORY_WINDOW_MS = 5 * 60_000

export const EMPTY_HISTORY: HealthHistory = { startedAt: null, samples: [] }

/** When the sample was taken, by the server's clock: its start time plus its uptime. */
export function sampleTime(health: SystemHealth): number {
  return Date.parse(health.started_at) + health.uptime_s * 1000
}

/**
 * The history with one more sample: a sample already held (the REST answer and the first event
 * can be the same) is not added twice, a restart of the server starts over, and samples older
 * than the window fall off.
 */
export function addHealthSample(history: HealthHistory, health: SystemHealth, windowMs = HISTORY_WINDOW_MS): HealthHistory {
  const t = sampleTime(health)
  if (Number.isNaN(t)) return history
  const samples = history.startedAt === health.started_at ? history.samples : []
  if (samples.some((s) => s.t === t)) return history
  const sample: HealthSample = {
    t,
    cpu: health.host.cpu_percent ?? null,
    memory: usedPercent(health.host.memory_total_bytes, health.host.memory_available_bytes),
  }
  const next = [...samples, sample].sort((a, b) => a.t - b.t).filter((s) => s.t >= t - windowMs)
  return { startedAt: health.started_at, samples: next }
}
