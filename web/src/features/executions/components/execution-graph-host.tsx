import { memo, Suspense, useCallback, useMemo, useState } from 'react'

import { Skeleton } from '@/components/ui/skeleton'
import { useCan } from '@/hooks/use-can'
import type { ExecutionGraphComponent, TaskLogProps } from '@/lib/execution-graph-slots'
import { isRunByBaton } from '@/lib/execution-source'

import type { ExecutionDetail } from '../api/types'
import { isActive } from '../lib/status'
import { CancelExecutionButton } from './execution-actions'
import { LogViewer } from './log-viewer/log-viewer'

/**
 * The graph with what this feature lends it. Memoised: the page re-renders every second while
 * the execution runs (durations count up); the graph need only follow the execution itself.
 */
export const ExecutionGraphHost = memo(function ExecutionGraphHost({
  execution,
  Graph,
  graphPath,
  className,
}: {
  execution: ExecutionDetail
  Graph: ExecutionGraphComponent
  graphPath: (executionId: string) => string
  className?: string
}) {
  const canControl = useCan('executions:control')
  const renderTaskLog = useCallback((props: TaskLogProps) => <TaskLog key={props.taskId} {...props} />, [])
  const cancel =
    canControl && isRunByBaton(execution) && isActive(execution.status) ? <CancelExecutionButton execution={execution} /> : undefined
  return (
    <Suspense fallback={<Skeleton aria-label="Loading the graph" className={className} />}>
      <Graph execution={execution} renderTaskLog={renderTaskLog} cancelAction={cancel} graphPath={graphPath} className={className} />
    </Suspense>
  )
})

/** One task's lines, live, in the graph's node panel; clearing the task filter shows every task's. */
function TaskLog({ taskId, agent, entries, loading, error, onRetry, live }: TaskLogProps) {
  const [task, setTask] = useState<string | null>(taskId)
  const { tasks, agents, taskAgents } = useMemo(
    () => ({ tasks: [taskId], agents: agent ? [agent] : [], taskAgents: new Map(agent ? [[taskId, agent]] : []) }),
    [taskId, agent],
  )
  return (
    <LogViewer
      entries={entries}
      loading={loading}
      error={error}
      onRetry={onRetry}
      live={live}
      tasks={tasks}
      agents={agents}
      taskAgents={taskAgents}
      task={task}
      onTaskChange={setTask}
    />
  )
}
