import type { components } from '@/lib/api/schema.gen'

type Schemas = components['schemas']

// Derived from the generated document, never written twice. The flow feature reads executions
// the executions feature fetches; it only needs their shapes.
export type ExecutionDetail = Schemas['ExecutionDetail']
export type ExecutionSummary = Schemas['ExecutionSummary']
export type TaskAttempt = Schemas['TaskAttempt']
export type TaskStatus = Schemas['TaskStatus']
export type LogEntry = Schemas['LogEntry']
