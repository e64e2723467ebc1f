import type { ExecutionStatus, TaskStatus, Totals } from '../api/types'

export const EXECUTION_STATUSES: readonly { value: ExecutionStatus; label: string }[] = [
  { value: 'queued', label: 'Queued' },
  { value: 'running', label: 'Running' },
  { value: 'completed', label: 'Completed' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'interrupted', label: 'Interrupted' },
]

export function isExecutionStatus(value: string | null | undefined): value is ExecutionStatus {
  return EXECUTION_STATUSES.some((s) => s.value === value)
}

/** Queued or running: the execution may still change, so the app keeps asking. */
export function isActive(status: ExecutionStatus): boolean {
  return status === 'queued' || status === 'running'
}

export function isTaskActive(status: TaskStatus): boolean {
  return status === 'pending' || status === 'running'
}

export type ProgressSegment = { key: 'completed' | 'failed' | 'stopped'; count: number; percent: number }

export type Progress = {
  total: number
  /** Tasks that reached an end state, whatever it is. */
  finished: number
  completed: number
  failed: number
  /** Finished share, 0–100. */
  percent: number
  /** Coloured parts of the bar, in order: completed, failed or timed out, cancelled or skipped. */
  segments: ProgressSegment[]
}

export function computeProgress(totals: Pick<Totals, 'tasks' | 'completed' | 'failed' | 'timed_out' | 'cancelled' | 'skipped'>): Progress {
  const total = Math.max(0, totals.tasks)
  const failed = totals.failed + totals.timed_out
  const stopped = totals.cancelled + totals.skipped
  const finished = Math.min(total, totals.completed + failed + stopped)
  const pct = (count: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 10)
  const segments: ProgressSegment[] = (
    [
      { key: 'completed', count: totals.completed },
      { key: 'failed', count: failed },
      { key: 'stopped', count: stopped },
    ] as const
  )
    .filter((s) => s.count > 0)
    .map((s) => ({ ...s, percent: pct(s.count) }))
  return { total, finished, completed: totals.completed, failed, percent: pct(finished), segments }
}

/**
 * Whether the execution's task count is a total to progress towards. A plan's is known from the
 * start; a Claude Code session gains a task with every subagent it starts, so "0/2" under a bar
 * would read as "nearly nothing done" when two is only how many have started so far.
 */
export function hasKnownTaskTotal(execution: { kind: string }): boolean {
  return execution.kind !== 'session'
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** "2 tasks · 1 running", "3 tasks · 1 failed": what a count without a total can say. */
export function summarizeTasks(totals: Pick<Totals, 'tasks' | 'running' | 'failed' | 'timed_out'>): string {
  const parts = [plural(totals.tasks, 'task', 'tasks')]
  if (totals.running > 0) parts.push(`${totals.running} running`)
  const failed = totals.failed + totals.timed_out
  if (failed > 0) parts.push(`${failed} failed`)
  return parts.join(' · ')
}
