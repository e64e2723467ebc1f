import type { TaskAttempt } from '../api/types'

/** One task of the plan with every attempt it took; `latest` is the attempt whose status counts. */
export type TaskGroup = {
  taskId: string
  latest: TaskAttempt
  /** Earlier attempts, oldest first. */
  earlier: TaskAttempt[]
  attempts: number
}

/**
 * Groups attempts by task, keeping the order in which tasks first appear (the server lists them in
 * plan order) and sorting each task's attempts by number.
 */
export function groupAttempts(attempts: readonly TaskAttempt[]): TaskGroup[] {
  const byTask = new Map<string, TaskAttempt[]>()
  for (const attempt of attempts) {
    const list = byTask.get(attempt.task_id)
    if (list) list.push(attempt)
    else byTask.set(attempt.task_id, [attempt])
  }
  return [...byTask.entries()].map(([taskId, list]) => {
    const sorted = [...list].sort((a, b) => a.attempt - b.attempt)
    const latest = sorted[sorted.length - 1] as TaskAttempt
    return { taskId, latest, earlier: sorted.slice(0, -1), attempts: sorted.length }
  })
}

/** Tokens and cost summed over every attempt of a task: retries cost money too. */
export function groupTotals(group: TaskGroup) {
  const all = [...group.earlier, group.latest]
  return {
    inputTokens: all.reduce((sum, a) => sum + a.input_tokens, 0),
    outputTokens: all.reduce((sum, a) => sum + a.output_tokens, 0),
    costUsd: all.reduce((sum, a) => sum + a.cost_usd, 0),
  }
}
