/** The server's rule for task ids: 1–64 letters, digits, `-`, `_` or `.`. */
export const TASK_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/

export const MAX_TASK_ID_LENGTH = 64

export function isValidTaskId(id: string): boolean {
  return TASK_ID_PATTERN.test(id)
}

/** What the server says about an id it refuses. */
export function taskIdMessage(id: string): string {
  return `${JSON.stringify(id)} must be 1–64 letters, digits, '-', '_' or '.'`
}

/** `Backend Expert!` → `backend-expert`: an agent name made into a valid id stem. */
function idStem(agent: string): string {
  const stem = agent
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return stem === '' ? 'task' : stem
}

/**
 * A new task's id, from its agent's name: `backend-expert`, then `backend-expert-2`, `-3`… so a
 * plan with one task per agent reads naturally and a second one never collides.
 */
export function uniqueTaskId(agent: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  const stem = idStem(agent)
  const fit = (suffix: string) => `${stem.slice(0, MAX_TASK_ID_LENGTH - suffix.length)}${suffix}`
  if (!used.has(fit(''))) return fit('')
  for (let n = 2; ; n++) {
    const candidate = fit(`-${n}`)
    if (!used.has(candidate)) return candidate
  }
}
