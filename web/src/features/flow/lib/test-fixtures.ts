import type { ExecutionDetail, TaskAttempt } from '../api/types'
import type { LogLike } from './log-metadata'

/** Builders for tests: an attempt, a plan task, an execution, log entries. */

export const T0 = Date.parse('2026-01-01T12:00:00Z')
export const at = (ms: number) => new Date(T0 + ms).toISOString()

export function attempt(taskId: string, extra: Partial<TaskAttempt> = {}): TaskAttempt {
  return {
    id: `${taskId}-${extra.attempt ?? 1}`,
    task_id: taskId,
    agent: 'backend',
    attempt: 1,
    status: 'completed',
    prompt: '',
    depends_on: [],
    input_tokens: 0,
    output_tokens: 0,
    cost_usd: 0,
    ...extra,
  }
}

type PlanTask = NonNullable<ExecutionDetail['plan']>['tasks'][number]

export function planTask(id: string, depends_on: string[] = [], extra: Partial<PlanTask> = {}): PlanTask {
  return { id, agent: 'backend', prompt: `Do ${id}`, depends_on, retries: 0, ...extra }
}

export type ExecutionInput = Pick<ExecutionDetail, 'kind' | 'source' | 'plan' | 'tasks'>

export function planRun(tasks: PlanTask[], attempts: TaskAttempt[] = []): ExecutionInput {
  return {
    kind: 'plan',
    source: 'baton',
    plan: { name: 'plan', max_parallel: 4, on_failure: 'fail_fast', tasks },
    tasks: attempts,
  }
}

let seq = 0

export function log(kind: string, taskId: string | null, metadata: Record<string, unknown>, ms = 0): LogLike {
  seq += 1
  return { seq, at: at(ms), kind, message: `${kind} ${seq}`, task_id: taskId, metadata }
}

/** A `Task` tool call (a subagent) and, unless `open`, its result. */
export function subagentCall(taskId: string, id: string, opts: { type?: string; description?: string; error?: boolean; open?: boolean; start?: number; end?: number } = {}) {
  const entries = [log('tool_use', taskId, { tool_use_id: id, tool: 'Task', input: { subagent_type: opts.type ?? 'general-purpose', description: opts.description ?? 'Review' }, parent_tool_use_id: null }, opts.start ?? 0)]
  if (!opts.open) entries.push(log('tool_result', taskId, { tool_use_id: id, is_error: opts.error ?? false, parent_tool_use_id: null }, opts.end ?? 1000))
  return entries
}
