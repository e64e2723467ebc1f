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

/** An execution as listed: with its tasks counted by state and its project's name. */
export type ExecutionSummary = Schemas['ExecutionSummary']
export type ExecutionPage = Schemas['ExecutionPage']
export type ExecutionSort = NonNullable<GeneratedExecutionsParams['sort']>
export type SortOrder = 'asc' | 'desc'
/** The generated parameters, with `order` narrowed to what the server accepts. */
export type ExecutionsParams = Omit<GeneratedExecutionsParams, 'order'> & { order?: SortOrder }
