import { memo, useMemo } from 'react'

import { useLiveLogs } from '@/lib/realtime'

import type { TaskAttempt } from '../../api/types'
import { DownloadLogButton } from './download-log-button'
import { LogViewer } from './log-viewer'

/**
 * The execution's whole log, live: entries from `useLiveLogs`, shown by the viewer. Memoised: the
 * page re-renders every second while the execution runs (durations count up), the log need not.
 */
export const ExecutionLogViewer = memo(function ExecutionLogViewer({
  executionId,
  executionName,
  attempts,
  live,
  task,
  onTaskChange,
}: {
  executionId: string
  executionName: string
  attempts: readonly TaskAttempt[]
  live: boolean
  task: string | null
  onTaskChange: (task: string | null) => void
}) {
  const logs = useLiveLogs(executionId)
  const { tasks, agents, taskAgents } = useMemo(() => {
    const taskAgents = new Map<string, string>()
    for (const attempt of attempts) taskAgents.set(attempt.task_id, attempt.agent)
    return { tasks: [...taskAgents.keys()], agents: [...new Set(taskAgents.values())], taskAgents }
  }, [attempts])

  return (
    <LogViewer
      entries={logs.entries}
      loading={logs.loading}
      error={logs.error}
      onRetry={logs.retry}
      loadingMore={logs.hasMore}
      live={live}
      tasks={tasks}
      agents={agents}
      taskAgents={taskAgents}
      task={task}
      onTaskChange={onTaskChange}
      actions={<DownloadLogButton executionId={executionId} executionName={executionName} />}
    />
  )
})
