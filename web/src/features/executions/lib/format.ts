/** Formatting of the numbers an execution reports: durations, dollars and tokens. */

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

/** Milliseconds between two timestamps; to `now` while the second is missing; null before a start. */
export function durationBetween(
  start: string | null | undefined,
  end: string | null | undefined,
  now: number = Date.now(),
): number | null {
  if (!start) return null
  const from = Date.parse(start)
  const to = end ? Date.parse(end) : now
  if (Number.isNaN(from) || Number.isNaN(to)) return null
  return Math.max(0, to - from)
}

/** Always four decimals: agent runs cost fractions of a cent. */
export function formatCost(usd: number | null | undefined): string {
  if (usd == null || !Number.isFinite(usd)) return '—'
  return `$${usd.toFixed(4)}`
}

const grouped = new Intl.NumberFormat('en')

/** "152", "4,670", "32.7k", "1.2M". */
export function formatTokens(count: number | null | undefined): string {
  if (count == null || !Number.isFinite(count)) return '—'
  if (count < 10_000) return grouped.format(count)
  if (count < 1_000_000) return `${(count / 1000).toFixed(1).replace(/\.0$/, '')}k`
  return `${(count / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`
}

/** Exact token count with separators, for tooltips and the log. */
export function formatTokensExact(count: number): string {
  return grouped.format(count)
}
