import type { ExecutionSummary } from '../api/types'

const isLive = (execution: Pick<ExecutionSummary, 'status'>) => execution.status === 'running' || execution.status === 'queued'

const newestFirst = (a: ExecutionSummary, b: ExecutionSummary) => (b.created_at ?? '').localeCompare(a.created_at ?? '')

/**
 * The Flow page's list: what runs now (running before queued, newest first), then the recent
 * ones that ended, in the server's order. Both lists come from the live cache and overlap: an
 * execution shows once, from the active list while it runs (updated first by its events).
 */
export function railItems(active: readonly ExecutionSummary[] | undefined, recent: readonly ExecutionSummary[] | undefined): {
  live: ExecutionSummary[]
  ended: ExecutionSummary[]
} {
  const byId = new Map<string, ExecutionSummary>()
  for (const execution of recent ?? []) byId.set(execution.id, execution)
  for (const execution of active ?? []) if (isLive(execution) || !byId.has(execution.id)) byId.set(execution.id, execution)
  const all = [...byId.values()]
  const live = all.filter(isLive).sort((a, b) => Number(b.status === 'running') - Number(a.status === 'running') || newestFirst(a, b))
  const liveIds = new Set(live.map((execution) => execution.id))
  const ended = (recent ?? []).map((execution) => byId.get(execution.id)!).filter((execution) => !liveIds.has(execution.id))
  return { live, ended }
}

/** The execution /flow opens: the newest running one, else the newest. */
export function defaultExecution(rail: ReturnType<typeof railItems>): string | null {
  return rail.live[0]?.id ?? rail.ended[0]?.id ?? null
}
