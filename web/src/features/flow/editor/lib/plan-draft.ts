/**
 * The plan being edited: what the canvas, the inspector and the YAML all describe. Close to the
 * server's PlanInput (crates/baton/src/domain/plan.rs) but always written as `tasks`, with every
 * list present so the editor never has to ask "is it there?".
 */
export type OnFailure = 'continue' | 'fail_fast'

export type DraftTask = {
  id: string
  agent: string
  prompt: string
  depends_on: string[]
  /** As written: `90s`, `30m`, `2h`, `1h30m`. */
  timeout?: string
  retries?: number
}

export type PlanDraft = {
  name: string
  max_parallel?: number
  budget_usd?: number
  on_failure?: OnFailure
  tasks: DraftTask[]
}

/** The server's defaults: a field holding one of them is left out of the YAML. */
export const DEFAULT_MAX_PARALLEL = 4
export const DEFAULT_ON_FAILURE: OnFailure = 'continue'
export const MAX_RETRIES = 10
export const MAX_PARALLEL = 256
export const MAX_NAME_LENGTH = 100

export const UNTITLED_PLAN = 'Untitled plan'

export function emptyDraft(name = UNTITLED_PLAN): PlanDraft {
  return { name, tasks: [] }
}
