import { formatDuration } from './duration'
import type { DraftTask, OnFailure, PlanDraft } from './plan-draft'

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Scalars as the text a person wrote (`id: 1` is the task "1"); anything else is absent. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function onFailure(value: unknown): OnFailure | undefined {
  return value === 'continue' || value === 'fail_fast' ? value : undefined
}

function ids(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.map(text).filter((id): id is string => id !== undefined)
}

/** One task as written (`timeout: 30m`) or as the server returns it (`timeout_s: 1800`). */
function readTask(value: unknown): DraftTask {
  const input = isRecord(value) ? value : {}
  const task: DraftTask = {
    id: text(input.id) ?? '',
    agent: text(input.agent) ?? '',
    prompt: text(input.prompt) ?? '',
    depends_on: ids(input.depends_on),
  }
  const timeout = text(input.timeout) ?? (finite(input.timeout_s) !== undefined ? formatDuration(input.timeout_s as number) : undefined)
  if (timeout) task.timeout = timeout
  const retries = finite(input.retries)
  if (retries !== undefined) task.retries = retries
  return task
}

/** `Research & Analysis` → `research-analysis`, as the server names tasks of a phase. */
export function phaseSlug(name: string): string {
  return name
    .replace(/[^A-Za-z0-9]/g, '-')
    .toLowerCase()
    .split('-')
    .filter(Boolean)
    .join('-')
}

/**
 * Phases become tasks the way the server's `from_phases` does it: a task per agent, named
 * `<phase-slug>.<agent>` unless it has an id, depending on every task of the phase before.
 */
function readPhases(phases: unknown[]): DraftTask[] {
  const tasks: DraftTask[] = []
  let previous: string[] = []
  phases.forEach((phase, index) => {
    const input = isRecord(phase) ? phase : {}
    const name = text(input.name)?.trim() || `Phase ${index + 1}`
    const slug = phaseSlug(name)
    const current: string[] = []
    for (const agent of Array.isArray(input.agents) ? input.agents : []) {
      const task = typeof agent === 'string' ? { ...readTask({ agent }), prompt: name } : readTask(agent)
      if (task.id === '') task.id = `${slug}.${task.agent || 'agent'}`
      task.depends_on = [...previous]
      current.push(task.id)
      tasks.push(task)
    }
    previous = current
  })
  return tasks
}

/**
 * Reads whatever the YAML editor parsed, or a saved plan, into a draft. Forgiving: a field of the
 * wrong type is left out (the schema check points at it), and every task item keeps its index so
 * `tasks[2]` in a problem is the third task on the canvas too.
 */
export function draftFromPlanInput(value: unknown): PlanDraft {
  const input = isRecord(value) ? value : {}
  const draft: PlanDraft = {
    name: text(input.name) ?? '',
    tasks: Array.isArray(input.tasks) ? input.tasks.map(readTask) : Array.isArray(input.phases) ? readPhases(input.phases) : [],
  }
  const maxParallel = finite(input.max_parallel)
  if (maxParallel !== undefined) draft.max_parallel = maxParallel
  const budget = finite(input.budget_usd)
  if (budget !== undefined) draft.budget_usd = budget
  const failure = onFailure(input.on_failure)
  if (failure) draft.on_failure = failure
  return draft
}

/** Whether the text was written as phases: saving rewrites it as tasks, which the editor says. */
export function isWrittenAsPhases(value: unknown): boolean {
  return isRecord(value) && Array.isArray(value.phases) && value.tasks === undefined
}
