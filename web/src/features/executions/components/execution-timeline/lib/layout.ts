/**
 * The geometry of the execution timeline: where each attempt's bar sits on a time axis, which
 * ticks to draw, and where "now" is. Positions are percentages of the track so the chart scales
 * with its container; nothing here touches the DOM.
 */
import type { TaskAttempt, TaskStatus } from '../../../api/types'

export type TimelineBar = {
  id: string
  taskId: string
  agent: string
  attempt: number
  status: TaskStatus
  /** Epoch milliseconds. `end` is "now" while the attempt runs. */
  start: number
  end: number
  running: boolean
  /** The task's latest attempt (the one whose status counts); earlier ones were retried. */
  latest: boolean
  /** Percent of the track. */
  left: number
  width: number
  source: TaskAttempt
}

export type TimelineRow = {
  taskId: string
  agent: string
  status: TaskStatus
  /** Why the latest attempt failed or was skipped. */
  error: string | null
  dependsOn: string[]
  attempts: number
  bars: TimelineBar[]
}

export type TimelineTick = { offset: number; left: number; label: string }

export type TimelineModel = {
  /** Epoch milliseconds of the axis' origin and its length; null before anything started. */
  origin: number | null
  span: number
  rows: TimelineRow[]
  ticks: TimelineTick[]
  /** Percent of the track where "now" is, while the execution runs. */
  nowLeft: number | null
}

export type TimelineInput = {
  attempts: readonly TaskAttempt[]
  startedAt?: string | null
  completedAt?: string | null
  live: boolean
  now: number
  /** How many tick labels fit the track. */
  maxTicks?: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** Tick steps a person reads easily. */
export const TICK_STEPS = [
  100, 200, 500, SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE,
  10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR,
] as const

/** The shortest axis: a run of 200 ms still gets a readable chart. */
export const MIN_SPAN = SECOND

/** The smallest nice step that needs no more than `maxTicks` intervals to cover `span`. */
export function tickStep(span: number, maxTicks: number): number {
  const wanted = span / Math.max(1, maxTicks)
  for (const step of TICK_STEPS) if (step >= wanted) return step
  // Past a day per tick: whole days.
  return Math.ceil(wanted / (24 * HOUR)) * 24 * HOUR
}

/** "0s", "500ms", "1.5s", "45s", "2m", "1m 30s", "1h", "2h 30m" — as precise as the step needs. */
export function formatOffset(ms: number, step: number): string {
  if (ms === 0) return '0s'
  if (step < SECOND) return ms < SECOND ? `${Math.round(ms)}ms` : `${+(ms / SECOND).toFixed(1)}s`
  if (ms < MINUTE) return `${Math.round(ms / SECOND)}s`
  if (ms < HOUR) {
    const m = Math.floor(ms / MINUTE)
    const s = Math.round((ms % MINUTE) / SECOND)
    return s === 0 ? `${m}m` : `${m}m ${s}s`
  }
  const h = Math.floor(ms / HOUR)
  const m = Math.round((ms % HOUR) / MINUTE)
  return m === 0 ? `${h}h` : `${h}h ${m}m`
}

function time(value: string | null | undefined): number | null {
  if (!value) return null
  const t = Date.parse(value)
  return Number.isNaN(t) ? null : t
}

/**
 * Lays the attempts out. Rows follow plan order (the order tasks first appear in `attempts`),
 * each with one bar per attempt that has started. While the execution runs the axis ends a little
 * past now, rounded up to a whole tick, so it rescales in steps rather than every second.
 */
export function layoutTimeline({ attempts, startedAt, completedAt, live, now, maxTicks = 8 }: TimelineInput): TimelineModel {
  // The server's clock may be ahead of this one: "now" is never before what the server reported.
  let latestKnown = -Infinity
  let origin = time(startedAt)
  for (const a of attempts) {
    const s = time(a.started_at)
    const e = time(a.completed_at)
    if (s !== null) {
      origin = origin === null ? s : Math.min(origin, s)
      latestKnown = Math.max(latestKnown, s)
    }
    if (e !== null) latestKnown = Math.max(latestKnown, e)
  }
  const end = time(completedAt)
  if (end !== null) latestKnown = Math.max(latestKnown, end)
  const clock = Math.max(now, latestKnown)

  const byTask = new Map<string, TaskAttempt[]>()
  for (const a of attempts) {
    const list = byTask.get(a.task_id)
    if (list) list.push(a)
    else byTask.set(a.task_id, [a])
  }

  if (origin === null) {
    const rows = [...byTask.entries()].map(([taskId, list]) => rowOf(taskId, list, [], 0, 1, clock))
    return { origin: null, span: 0, rows, ticks: [], nowLeft: null }
  }

  // Where the data ends: the execution's end, the last attempt's end, or now while anything runs.
  let dataEnd = end ?? (live ? clock : latestKnown)
  for (const a of attempts) {
    if (a.started_at && !a.completed_at && a.status === 'running') dataEnd = Math.max(dataEnd, clock)
  }
  const used = Math.max(dataEnd - origin, MIN_SPAN)
  const step = tickStep(live ? used * 1.1 : used, maxTicks)
  const span = live ? Math.max(Math.ceil((used * 1.1) / step) * step, MIN_SPAN) : used

  const rows = [...byTask.entries()].map(([taskId, list]) => rowOf(taskId, list, list, origin, span, clock))
  const ticks: TimelineTick[] = []
  for (let offset = 0; offset <= span + 1e-6; offset += step) {
    ticks.push({ offset, left: (offset / span) * 100, label: formatOffset(offset, step) })
  }
  const nowLeft = live ? Math.min(100, ((clock - origin) / span) * 100) : null
  return { origin, span, rows, ticks, nowLeft }
}

function rowOf(taskId: string, list: TaskAttempt[], placed: TaskAttempt[], origin: number, span: number, clock: number): TimelineRow {
  const sorted = [...list].sort((a, b) => a.attempt - b.attempt)
  const latest = sorted[sorted.length - 1] as TaskAttempt
  const bars: TimelineBar[] = []
  for (const a of [...placed].sort((x, y) => x.attempt - y.attempt)) {
    const start = time(a.started_at)
    // A skipped task never ran, whatever its timestamps say.
    if (start === null || a.status === 'skipped') continue
    const running = !a.completed_at && (a.status === 'running' || a.status === 'pending')
    const end = Math.max(start, time(a.completed_at) ?? (running ? clock : start))
    bars.push({
      id: a.id,
      taskId,
      agent: a.agent,
      attempt: a.attempt,
      status: a.status,
      start,
      end,
      running,
      latest: a === latest,
      left: ((start - origin) / span) * 100,
      width: ((end - start) / span) * 100,
      source: a,
    })
  }
  return {
    taskId,
    agent: latest.agent,
    status: latest.status,
    error: latest.error ?? null,
    dependsOn: latest.depends_on,
    attempts: sorted.length,
    bars,
  }
}

export type DependencyLink = { from: string; fromRow: number; fromLeft: number; toRow: number; toLeft: number }

/**
 * Lines from the end of each dependency's last bar to the start of the task's first bar, for the
 * task under the pointer. Dependencies that never ran draw nothing.
 */
export function dependencyLinks(rows: readonly TimelineRow[], taskId: string): DependencyLink[] {
  const toRow = rows.findIndex((r) => r.taskId === taskId)
  const target = rows[toRow]
  if (!target) return []
  const firstBar = target.bars[0]
  const links: DependencyLink[] = []
  for (const dep of target.dependsOn) {
    const fromRow = rows.findIndex((r) => r.taskId === dep)
    const lastBar = rows[fromRow]?.bars.at(-1)
    if (!lastBar) continue
    links.push({
      from: dep,
      fromRow,
      fromLeft: lastBar.left + lastBar.width,
      toRow,
      toLeft: firstBar ? firstBar.left : lastBar.left + lastBar.width,
    })
  }
  return links
}
