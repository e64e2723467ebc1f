import type { components, paths } from '@/lib/api/schema.gen'

// Derived from the generated document, never written twice.
export type Execution = components['schemas']['Execution']
export type ExecutionDetail = components['schemas']['ExecutionDetail']
/** An execution as listed: with its tasks counted by state. */
export type ExecutionSummary = components['schemas']['ExecutionSummary']
export type ExecutionStatus = components['schemas']['ExecutionStatus']
export type ExecutionPage = components['schemas']['ExecutionPage']
export type ExecutionsParams = NonNullable<paths['/api/executions']['get']['parameters']['query']>
export type TaskAttempt = components['schemas']['TaskAttempt']
export type TaskStatus = components['schemas']['TaskStatus']
export type Totals = components['schemas']['Totals']
export type LogEntry = components['schemas']['LogEntry']
export type LogPage = components['schemas']['LogPage']
export type LogsParams = NonNullable<paths['/api/executions/{id}/logs']['get']['parameters']['query']>
export type PlanRecord = components['schemas']['PlanRecord']
export type PlanList = components['schemas']['PlanList']
