import type { components, paths } from '@/lib/api/schema.gen'

type Schemas = components['schemas']
type GeneratedExecutionsParams = NonNullable<paths['/api/executions']['get']['parameters']['query']>

// Derived from the generated document, never written twice.
export type Execution = Schemas['Execution']
export type ExecutionDetail = Schemas['ExecutionDetail']
export type ExecutionStatus = Schemas['ExecutionStatus']
export type TaskAttempt = Schemas['TaskAttempt']
export type TaskStatus = Schemas['TaskStatus']
export type Totals = Schemas['Totals']
export type LogEntry = Schemas['LogEntry']
export type LogPage = Schemas['LogPage']
export type LogsParams = NonNullable<paths['/api/executions/{id}/logs']['get']['parameters']['query']>
export type PlanRecord = Schemas['PlanRecord']
export type PlanList = Schemas['PlanList']

// Issue 5 additions (docs: /work/notes/contract.md) until the regenerated schema has them; the
// intersections stay correct once it does.
/** An execution as listed: with its tasks counted by state and its project's name. */
export type ExecutionSummary = Schemas['ExecutionSummary'] & { project_name?: string | null }
export type ExecutionPage = Omit<Schemas['ExecutionPage'], 'items'> & { items: ExecutionSummary[] }
export type ExecutionSort = 'created_at' | 'cost' | 'duration'
export type SortOrder = 'asc' | 'desc'
export type ExecutionsParams = GeneratedExecutionsParams & {
  /** Execution name, id prefix or project name. */
  q?: string
  sort?: ExecutionSort
  order?: SortOrder
  /** Queued or running only. */
  active?: boolean
}

/** An agent as `GET /api/agents/status` reports it (issue 5). */
export type AgentStatus = {
  agent: string
  status: 'running' | 'idle'
  running: { execution_id: string; execution_name: string; project_id: string | null; task_id: string; started_at: string }[]
  last_seen: string | null
}
