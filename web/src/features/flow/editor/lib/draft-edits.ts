import type { DraftTask, PlanDraft } from './plan-draft'
import { uniqueTaskId } from './task-ids'

/**
 * The edits the canvas and the inspector make, as pure functions of the draft. Tasks are
 * addressed by index: ids can be blank or duplicated while someone is typing.
 */

export function addTask(draft: PlanDraft, agent: string): { draft: PlanDraft; index: number } {
  const id = uniqueTaskId(agent, draft.tasks.map((task) => task.id))
  const task: DraftTask = { id, agent, prompt: '', depends_on: [] }
  return { draft: { ...draft, tasks: [...draft.tasks, task] }, index: draft.tasks.length }
}

/** Removes tasks, and dependencies on them that no remaining task can satisfy. */
export function removeTasks(draft: PlanDraft, indices: Iterable<number>): PlanDraft {
  const removed = new Set(indices)
  const kept = draft.tasks.filter((_, index) => !removed.has(index))
  const gone = new Set(draft.tasks.filter((_, index) => removed.has(index)).map((task) => task.id))
  for (const task of kept) gone.delete(task.id)
  if (gone.size === 0) return { ...draft, tasks: kept }
  return {
    ...draft,
    tasks: kept.map((task) =>
      task.depends_on.some((id) => gone.has(id)) ? { ...task, depends_on: task.depends_on.filter((id) => !gone.has(id)) } : task,
    ),
  }
}

/**
 * Changes one task. A new id is carried into every `depends_on` naming the old one, unless
 * another task still has the old id (then those dependencies keep pointing at it).
 */
export function updateTask(draft: PlanDraft, index: number, patch: Partial<DraftTask>): PlanDraft {
  const before = draft.tasks[index]
  if (!before) return draft
  const after = { ...before, ...patch }
  const renamed = patch.id !== undefined && patch.id !== before.id && before.id !== '' && !draft.tasks.some((task, i) => i !== index && task.id === before.id)
  return {
    ...draft,
    tasks: draft.tasks.map((task, i) => {
      if (i === index) return after
      if (renamed && task.depends_on.includes(before.id)) {
        return { ...task, depends_on: task.depends_on.map((id) => (id === before.id ? after.id : id)) }
      }
      return task
    }),
  }
}

/** Makes the task at `target` depend on the task id `dependency` (nothing changes when it already does). */
export function addDependency(draft: PlanDraft, target: number, dependency: string): PlanDraft {
  const task = draft.tasks[target]
  if (!task || task.depends_on.includes(dependency)) return draft
  return updateTask(draft, target, { depends_on: [...task.depends_on, dependency] })
}

export function removeDependency(draft: PlanDraft, target: number, dependency: string): PlanDraft {
  const task = draft.tasks[target]
  if (!task || !task.depends_on.includes(dependency)) return draft
  return updateTask(draft, target, { depends_on: task.depends_on.filter((id) => id !== dependency) })
}
