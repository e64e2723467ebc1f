import type { ComponentType, ReactNode } from 'react'

import type { components } from '@/lib/api/schema.gen'

type Schemas = components['schemas']

/**
 * What the page hosting an execution's graph hands it. Features do not import each other: the
 * graph is the flow feature's, the log viewer and the cancel button the executions feature's, so
 * the page puts them together and both sides agree on these shapes.
 */

/** One task's live log, for the node panel: the entries are the whole execution's, already read. */
export type TaskLogProps = {
  taskId: string
  agent: string | null
  entries: readonly Schemas['LogEntry'][]
  loading: boolean
  error: Error | null
  onRetry: () => void
  live: boolean
}

export type ExecutionGraphProps = {
  /** The execution, kept live by the caller (useExecution). */
  execution: Schemas['ExecutionDetail']
  /** Draws a task's log in the panel (the executions feature's log viewer). */
  renderTaskLog: (props: TaskLogProps) => ReactNode
  /** The confirm-and-cancel button, shown in the panel to operators while a Baton run is active. */
  cancelAction?: ReactNode
  /** Where another execution's graph opens (after "Re-run from this task"). */
  graphPath: (executionId: string) => string
  className?: string
}

export type ExecutionGraphComponent = ComponentType<ExecutionGraphProps>
