/** Short formats of metrics (durations, money, counts) for charts, tiles and cards: they sit on axes and in narrow places. */

/** "850 ms", "4.9 s", "1 m 05 s", "2 h 03 m"; "—" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`
  const totalSeconds = Math.floor(ms / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} m`
  return `${minutes} m ${String(seconds).padStart(2, '0')} s`
}

/** Axis ticks, short enough for a narrow axis: "0", "50ms", "0.5s", "4s", "2m", "1.5h". */
export function formatDurationTick(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0'
  if (ms < 100) return `${Math.round(ms)}ms`
  if (ms < 1000) return `${trim(ms / 1000)}s`
  if (ms < 60_000) return `${trim(ms / 1000)}s`
  if (ms < 3_600_000) return `${trim(ms / 60_000)}m`
  return `${trim(ms / 3_600_000)}h`
}

const trim = (value: number) => (value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value)))

/** "$0", "$0.0042", "$1.27", "$1,234". */
export function formatUsd(usd: number | null | undefined): string {
  if (usd == null || !Number.isFinite(usd)) return '—'
  if (usd === 0) return '$0'
  if (Math.abs(usd) < 0.01) return `$${usd.toFixed(4)}`
  if (Math.abs(usd) < 1000) return `$${usd.toFixed(2)}`
  return `$${Math.round(usd).toLocaleString('en')}`
}

/** "0", "950", "12.3k", "4.5M". */
export function formatCompact(count: number | null | undefined): string {
  if (count == null || !Number.isFinite(count)) return '—'
  const abs = Math.abs(count)
  if (abs < 1000) return String(Math.round(count))
  if (abs < 1_000_000) return `${trim(count / 1000)}k`
  if (abs < 1_000_000_000) return `${trim(count / 1_000_000)}M`
  return `${trim(count / 1_000_000_000)}B`
}

/** "1,234,567": exact counts in tooltips. */
export function formatExact(count: number): string {
  return count.toLocaleString('en')
}

const S = 1000
const M = 60 * S
const STEPS = [100, 200, 500, S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, 60 * M, 2 * 60 * M, 3 * 60 * M, 6 * 60 * M, 12 * 60 * M, 24 * 60 * M]

/**
 * Ticks for a duration axis that land on round durations (0, 30s, 1m, 1.5m … or 0, 1m, 2m …)
 * rather than on round milliseconds: at most five steps from 0 to just above `maxMs`.
 */
export function durationTicks(maxMs: number): number[] {
  if (!Number.isFinite(maxMs) || maxMs <= 0) return [0]
  const step = STEPS.find((s) => maxMs / s <= 5) ?? Math.ceil(maxMs / 5 / STEPS.at(-1)!) * STEPS.at(-1)!
  const count = Math.max(1, Math.ceil(maxMs / step))
  return Array.from({ length: count + 1 }, (_, i) => i * step)
}
