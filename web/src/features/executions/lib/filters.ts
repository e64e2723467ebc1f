import type { ExecutionSort, ExecutionsParams, ExecutionStatus, SortOrder } from '../api/types'

/** The history's filters as the URL keeps them: dates as `YYYY-MM-DD` in the reader's time zone. */
export type ExecutionFilters = {
  project: string | null
  status: ExecutionStatus | null
  agent: string | null
  q: string | null
  /** First day shown. */
  since: string | null
  /** Last day shown (inclusive). */
  until: string | null
  sort: ExecutionSort
  order: SortOrder
}

export const SORTS: readonly ExecutionSort[] = ['created_at', 'cost', 'duration']
export const DEFAULT_SORT: ExecutionSort = 'created_at'
export const DEFAULT_ORDER: SortOrder = 'desc'

export function isSort(value: string | null): value is ExecutionSort {
  return SORTS.some((s) => s === value)
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** `YYYY-MM-DD` → that day's local midnight, as a Date; null for anything else. */
export function parseDay(value: string | null): Date | null {
  const match = value ? DAY.exec(value) : null
  if (!match) return null
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return Number.isNaN(date.getTime()) || formatDay(date) !== value ? null : date
}

/** A Date → its local `YYYY-MM-DD`. */
export function formatDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

function addDays(date: Date, days: number) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)
}

/** The query of `GET /api/executions` for these filters (without paging). */
export function toQueryParams(filters: ExecutionFilters): ExecutionsParams {
  const since = parseDay(filters.since)
  const until = parseDay(filters.until)
  return {
    ...(filters.project ? { project_id: filters.project } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.agent ? { agent: filters.agent } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(since ? { since: since.toISOString() } : {}),
    // `until` is exclusive on the server; the last day shown is included.
    ...(until ? { until: addDays(until, 1).toISOString() } : {}),
    ...(filters.sort !== DEFAULT_SORT ? { sort: filters.sort } : {}),
    ...(filters.order !== DEFAULT_ORDER ? { order: filters.order } : {}),
  }
}

/** Clicking a column header: the same column flips its order, another starts with the largest/newest first. */
export function nextSort(current: { sort: ExecutionSort; order: SortOrder }, column: ExecutionSort) {
  if (current.sort === column) return { sort: column, order: current.order === 'desc' ? 'asc' : 'desc' } as const
  return { sort: column, order: 'desc' } as const
}

export type DatePreset = { id: string; label: string; days: number }

export const DATE_PRESETS: readonly DatePreset[] = [
  { id: 'today', label: 'Today', days: 1 },
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
]

/** The range of a preset: the last `days` days including today. */
export function presetRange(preset: DatePreset, today: Date): { since: string; until: null } {
  return { since: formatDay(addDays(today, 1 - preset.days)), until: null }
}

const short = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' })
const withYear = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' })

/** "Any time", "Last 7 days", "Mar 1 – Mar 5", "Since Mar 1", "Until Mar 5". */
export function dateRangeLabel(sinceValue: string | null, untilValue: string | null, today: Date): string {
  const since = parseDay(sinceValue)
  const until = parseDay(untilValue)
  if (!since && !until) return 'Any time'
  if (since && !until) {
    const preset = DATE_PRESETS.find((p) => presetRange(p, today).since === sinceValue)
    if (preset) return preset.label
  }
  const fmt = (d: Date) => (d.getFullYear() === today.getFullYear() ? short : withYear).format(d)
  if (since && until) return formatDay(since) === formatDay(until) ? fmt(since) : `${fmt(since)} – ${fmt(until)}`
  return since ? `Since ${fmt(since)}` : `Until ${fmt(until!)}`
}
