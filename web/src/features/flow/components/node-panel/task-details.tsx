import { useMemo, type ReactNode } from 'react'

import { Button } from '@/components/ui/button'
import { formatExact, formatUsd } from '@/lib/metric-format'

import type { ExecutionDetail, LogEntry } from '../../api/types'
import { logSubagentId } from '../../lib/execution-graph'
import type { FlowNode } from '../../lib/graph'
import { record, text } from '../../lib/log-metadata'
import { toolCallsOf } from '../../lib/tool-calls'
import type { TaskLogProps } from '@/lib/execution-graph-slots'
import { NodeDuration } from '../node-duration'
import { AttemptsList } from './attempts-list'
import { ExpandableText } from './expandable-text'
import { ClockTime, PanelSection, PanelStat } from './panel-parts'
import { ToolCallsList } from './tool-calls-list'

/** The prompt a `Task` call gave its subagent. */
function subagentPrompt(entries: readonly LogEntry[], id: string): string | null {
  for (const entry of entries) {
    const meta = record(entry.metadata)
    if (entry.kind === 'tool_use' && meta.tool_use_id === id) return text(record(meta.input).prompt)
  }
  return null
}

/**
 * Everything about one task (or subagent): numbers, attempts, prompt, output, tool calls and its
 * live log. A subagent found in the log has no attempts of its own: its calls and lines are the
 * ones inside its task's log.
 */
export function TaskDetails({
  node,
  execution,
  logs,
  live,
  renderTaskLog,
  onSelect,
}: {
  node: FlowNode
  execution: ExecutionDetail
  logs: Omit<TaskLogProps, 'taskId' | 'agent' | 'live'>
  live: boolean
  renderTaskLog: (props: TaskLogProps) => ReactNode
  onSelect: (id: string) => void
}) {
  const runId = logSubagentId(node)
  const attempts = useMemo(
    () => (runId || !node.taskId ? [] : execution.tasks.filter((attempt) => attempt.task_id === node.taskId)),
    [execution.tasks, node.taskId, runId],
  )
  const latest = attempts.reduce<(typeof attempts)[number] | undefined>((best, a) => (!best || a.attempt > best.attempt ? a : best), undefined)
  const planned = execution.plan?.tasks.find((task) => task.id === node.taskId)
  const prompt = runId ? subagentPrompt(logs.entries, runId) : latest?.prompt || planned?.prompt || null
  const output = runId ? null : (latest?.output ?? null)
  const calls = useMemo(() => {
    if (!node.taskId) return []
    const all = toolCallsOf(logs.entries, node.taskId)
    return runId ? all.filter((call) => call.parentId === runId) : all
  }, [logs.entries, node.taskId, runId])

  return (
    <>
      {runId && node.parentId && (
        <p className="px-4 pb-3 text-xs text-muted-foreground">
          Started by{' '}
          <Button variant="link" size="sm" className="h-auto p-0 font-mono text-xs" onClick={() => onSelect(node.parentId!)}>
            {node.parentId}
          </Button>
          ; its lines are in that task&apos;s log.
        </p>
      )}
      <dl className="grid grid-cols-3 gap-x-4 gap-y-3 border-t px-4 py-3.5">
        <PanelStat label="Duration">{node.startedAt ? <NodeDuration startedAt={node.startedAt} completedAt={node.completedAt} /> : '—'}</PanelStat>
        <PanelStat label="Started">
          <ClockTime value={node.startedAt} />
        </PanelStat>
        <PanelStat label="Ended">
          <ClockTime value={node.completedAt} />
        </PanelStat>
        <PanelStat label="Tokens in / out">
          {formatExact(node.inputTokens)} / {formatExact(node.outputTokens)}
        </PanelStat>
        <PanelStat label="Cost">
          <span className="font-mono">{formatUsd(node.costUsd)}</span>
        </PanelStat>
        <PanelStat label="Attempts">
          {runId ? '—' : `${node.attempts}${node.maxAttempts ? ` of ${node.maxAttempts}` : ''}`}
        </PanelStat>
      </dl>
      {node.error && (
        <p role="alert" className="mx-4 mb-3.5 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-xs break-words text-destructive">
          {node.error}
        </p>
      )}
      {attempts.length > 0 && (
        <PanelSection title="Attempts" aside={attempts.length > 1 ? attempts.length : undefined}>
          <AttemptsList attempts={attempts} />
        </PanelSection>
      )}
      {prompt && (
        <PanelSection title="Prompt">
          <ExpandableText text={prompt} label="prompt" />
        </PanelSection>
      )}
      {output && (
        <PanelSection title="Output">
          <ExpandableText text={output} label="output" />
        </PanelSection>
      )}
      <PanelSection title="Tool calls" aside={calls.length > 0 ? calls.length : undefined}>
        <ToolCallsList calls={calls} live={live && !node.completedAt} />
      </PanelSection>
      {node.taskId && (
        <section aria-label="Task log" className="grid gap-2 border-t pt-3.5">
          <h3 className="px-4 text-xs font-medium tracking-wide text-muted-foreground uppercase">Log</h3>
          {renderTaskLog({ ...logs, taskId: node.taskId, agent: node.agent, live: live && !node.completedAt })}
        </section>
      )}
    </>
  )
}
