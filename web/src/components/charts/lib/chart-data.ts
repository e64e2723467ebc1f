import type { components } from '@/lib/api/schema.gen'

/** One bucket of a metrics series (GET /api/metrics/executions, GET /api/agents/{name}/metrics). */
export type MetricsBucket = components['schemas']['Bucket']

/** What the charts need of a series: its buckets and how long each is. */
export type MetricsSeries = { bucket_seconds: number; buckets: MetricsBucket[] }

/** One bar of the executions chart: how the runs that ended in the bucket ended. */
export type OutcomeRow = { t: number; completed: number; failed: number; cancelled: number; interrupted: number; total: number }
/** One point of the task duration chart; null where no task ended in the bucket (a gap, not a zero). */
export type DurationRow = { t: number; p50: number | null; p90: number | null; p99: number | null }
export type UsageRow = { t: number; input: number; output: number; cost: number }

export type ChartData = {
  outcomes: OutcomeRow[]
  durations: DurationRow[]
  usage: UsageRow[]
  summary: MetricsSummary
  bucketSeconds: number
}

export type MetricsSummary = {
  executions: number
  completed: number
  /** Completed share of the executions that ended, 0–1; null when none ended. */
  successRate: number | null
  tasks: number
  tokens: number
  cost: number
}

const time = (bucket: MetricsBucket) => Date.parse(bucket.start)

/** Buckets in time order, without any the server sent with an unreadable start. */
function ordered(buckets: MetricsBucket[]): MetricsBucket[] {
  return buckets.filter((b) => !Number.isNaN(time(b))).sort((a, b) => time(a) - time(b))
}

const finite = (value: number | null | undefined) => (value != null && Number.isFinite(value) ? value : null)

export function summarize(buckets: MetricsBucket[]): MetricsSummary {
  let completed = 0
  let ended = 0
  let tasks = 0
  let tokens = 0
  let cost = 0
  for (const b of buckets) {
    completed += b.completed
    ended += b.completed + b.failed + b.cancelled + b.interrupted
    tasks += b.tasks
    tokens += b.input_tokens + b.output_tokens
    cost += b.cost_usd
  }
  return { executions: ended, completed, successRate: ended === 0 ? null : completed / ended, tasks, tokens, cost }
}

/** The three charts' rows from one metrics response (of executions, or of one agent's tasks). */
export function toChartData(series: MetricsSeries): ChartData {
  const buckets = ordered(series.buckets)
  return {
    bucketSeconds: series.bucket_seconds,
    summary: summarize(buckets),
    outcomes: buckets.map((b) => ({
      t: time(b),
      completed: b.completed,
      failed: b.failed,
      cancelled: b.cancelled,
      interrupted: b.interrupted,
      total: b.completed + b.failed + b.cancelled + b.interrupted,
    })),
    durations: buckets.map((b) => ({ t: time(b), p50: finite(b.task_p50_ms), p90: finite(b.task_p90_ms), p99: finite(b.task_p99_ms) })),
    usage: buckets.map((b) => ({ t: time(b), input: b.input_tokens, output: b.output_tokens, cost: b.cost_usd })),
  }
}

/** Points of a series with no neighbour on either side: a line cannot show them, a dot must. */
export function isolatedPoints<K extends string>(rows: readonly Partial<Record<K, number | null>>[], key: K): Set<number> {
  const isolated = new Set<number>()
  rows.forEach((row, i) => {
    if (row[key] == null) return
    if (rows[i - 1]?.[key] == null && rows[i + 1]?.[key] == null) isolated.add(i)
  })
  return isolated
}

export const hasOutcomes = (rows: OutcomeRow[]) => rows.some((r) => r.total > 0)
export const hasDurations = (rows: DurationRow[]) => rows.some((r) => r.p50 !== null || r.p90 !== null || r.p99 !== null)
export const hasUsage = (rows: UsageRow[]) => rows.some((r) => r.input > 0 || r.output > 0 || r.cost > 0)

const HOUR = 3600
const DAY = 24 * HOUR

/** "per 5 minutes", "per hour", "per 6 hours", "per day". */
export function perBucketLabel(bucketSeconds: number): string {
  if (bucketSeconds >= DAY && bucketSeconds % DAY === 0) {
    const days = bucketSeconds / DAY
    return days === 1 ? 'per day' : `per ${days} days`
  }
  if (bucketSeconds >= HOUR && bucketSeconds % HOUR === 0) {
    const hours = bucketSeconds / HOUR
    return hours === 1 ? 'per hour' : `per ${hours} hours`
  }
  const minutes = Math.max(1, Math.round(bucketSeconds / 60))
  return minutes === 1 ? 'per minute' : `per ${minutes} minutes`
}

/**
 * Axis tick of a bucket start: the time of day for buckets shorter than a day, the date for day
 * buckets, and both ("Jan 5 12:00") for multi-hour buckets over several days.
 */
export function formatBucketTick(t: number, bucketSeconds: number, timeZone?: string): string {
  const date = new Date(t)
  if (bucketSeconds >= DAY) return new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone }).format(date)
  const clock = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date)
  if (bucketSeconds < 6 * HOUR) return clock
  return `${new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone }).format(date)} ${clock}`
}

/** Tooltip title of a bucket: "Jan 5, 14:00 – 15:00" or "Jan 5" for a day. */
export function formatBucketRange(t: number, bucketSeconds: number, timeZone?: string): string {
  const start = new Date(t)
  const day = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone }).format(start)
  if (bucketSeconds >= DAY) return day
  const clock = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
  return `${day}, ${clock.format(start)} – ${clock.format(new Date(t + bucketSeconds * 1000))}`
}
