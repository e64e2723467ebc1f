import { DEFAULT_MAX_PARALLEL, DEFAULT_ON_FAILURE, type DraftTask, type PlanDraft } from './plan-draft'

/** A task as the YAML shows it: id, agent, prompt, depends_on, timeout, retries, and nothing empty. */
function writeTask(task: DraftTask): Record<string, unknown> {
  const out: Record<string, unknown> = { id: task.id, agent: task.agent }
  if (task.prompt !== '') out.prompt = task.prompt
  if (task.depends_on.length > 0) out.depends_on = [...task.depends_on]
  if (task.timeout !== undefined && task.timeout.trim() !== '') out.timeout = task.timeout
  if (task.retries !== undefined && task.retries !== 0) out.retries = task.retries
  return out
}

/**
 * The PlanInput the server takes, always as `tasks`, in the order people read a plan (name,
 * max_parallel, budget_usd, on_failure, tasks). Defaults and empty fields are left out so the
 * YAML stays short; values the server would refuse are kept so their problem stays visible.
 */
export function draftToPlanInput(draft: PlanDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { name: draft.name }
  if (draft.max_parallel !== undefined && draft.max_parallel !== DEFAULT_MAX_PARALLEL) out.max_parallel = draft.max_parallel
  if (draft.budget_usd !== undefined) out.budget_usd = draft.budget_usd
  if (draft.on_failure !== undefined && draft.on_failure !== DEFAULT_ON_FAILURE) out.on_failure = draft.on_failure
  out.tasks = draft.tasks.map(writeTask)
  return out
}
