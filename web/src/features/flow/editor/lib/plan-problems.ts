import { describeCycle, findCycle } from './cycles'
import { durationMessage, parseDuration } from './duration'
import { MAX_NAME_LENGTH, MAX_PARALLEL, MAX_RETRIES, type PlanDraft } from './plan-draft'
import { isValidTaskId, taskIdMessage } from './task-ids'

export type PlanProblemKind =
  | 'name'
  | 'setting'
  | 'no-tasks'
  | 'bad-id'
  | 'duplicate-id'
  | 'missing-agent'
  | 'unknown-agent'
  | 'unknown-dependency'
  | 'self-dependency'
  | 'cycle'
  | 'bad-timeout'
  | 'bad-retries'
  | 'server'

/** One thing wrong with the plan, placed both on the canvas (task, edge) and in the YAML (path). */
export type PlanProblem = {
  kind: PlanProblemKind
  /** The server's notation: `tasks[2].agent`, `name`, `tasks`. */
  path: string
  message: string
  taskIndex?: number
  taskId?: string
  /** A dependency at fault: `from` is the dependency, `to` the task waiting for it. */
  edge?: { from: string; to: string }
  /** For a cycle: the path in run order, first task repeated at the end. */
  cycle?: string[]
  /** The server refuses the plan for it. An unknown agent is accepted (the task fails when it runs). */
  blocking: boolean
}

const bad = (problem: Omit<PlanProblem, 'blocking'>): PlanProblem => ({ ...problem, blocking: true })

function settingProblems(draft: PlanDraft): PlanProblem[] {
  const problems: PlanProblem[] = []
  const name = draft.name.trim()
  if (name === '') problems.push(bad({ kind: 'name', path: 'name', message: 'is required' }))
  else if ([...name].length > MAX_NAME_LENGTH) problems.push(bad({ kind: 'name', path: 'name', message: `must be 1 to ${MAX_NAME_LENGTH} characters` }))
  const parallel = draft.max_parallel
  if (parallel !== undefined && !(Number.isInteger(parallel) && parallel >= 1 && parallel <= MAX_PARALLEL)) {
    problems.push(bad({ kind: 'setting', path: 'max_parallel', message: `must be between 1 and ${MAX_PARALLEL}` }))
  }
  if (draft.budget_usd !== undefined && !(draft.budget_usd > 0)) {
    problems.push(bad({ kind: 'setting', path: 'budget_usd', message: 'must be a positive number of dollars' }))
  }
  if (draft.tasks.length === 0) problems.push(bad({ kind: 'no-tasks', path: 'tasks', message: 'the plan has no tasks' }))
  return problems
}

/**
 * Everything the server would refuse, with the same paths and messages, plus agents the catalog
 * does not know (when `knownAgents` is given). Checked on every edit, so the canvas and the YAML
 * can mark a problem before anyone presses Save.
 */
export function planProblems(draft: PlanDraft, knownAgents?: ReadonlySet<string> | null): PlanProblem[] {
  const problems = settingProblems(draft)
  const ids = new Set(draft.tasks.map((task) => task.id))
  const seen = new Set<string>()

  draft.tasks.forEach((task, index) => {
    const at = (field: string) => `tasks[${index}].${field}`
    const taskId = task.id
    if (!isValidTaskId(task.id)) {
      problems.push(bad({ kind: 'bad-id', path: at('id'), taskIndex: index, taskId, message: task.id === '' ? 'is required' : taskIdMessage(task.id) }))
    }
    if (task.id !== '' && seen.has(task.id)) {
      problems.push(bad({ kind: 'duplicate-id', path: at('id'), taskIndex: index, taskId, message: `duplicate task id ${JSON.stringify(task.id)}` }))
    }
    seen.add(task.id)

    const agent = task.agent.trim()
    if (agent === '' || [...agent].length > 100) {
      problems.push(bad({ kind: 'missing-agent', path: at('agent'), taskIndex: index, taskId, message: 'is required (1 to 100 characters)' }))
    } else if (knownAgents && !knownAgents.has(agent)) {
      problems.push({
        kind: 'unknown-agent',
        path: at('agent'),
        taskIndex: index,
        taskId,
        message: `unknown agent ${JSON.stringify(agent)}: it is not in the agent catalog`,
        blocking: false,
      })
    }

    for (const dependency of new Set(task.depends_on)) {
      const edge = { from: dependency, to: task.id }
      if (!ids.has(dependency)) {
        problems.push(bad({ kind: 'unknown-dependency', path: at('depends_on'), taskIndex: index, taskId, edge, message: `unknown task ${JSON.stringify(dependency)}` }))
      } else if (dependency === task.id) {
        problems.push(bad({ kind: 'self-dependency', path: at('depends_on'), taskIndex: index, taskId, edge, message: 'a task cannot depend on itself' }))
      }
    }

    if (task.timeout !== undefined && task.timeout.trim() !== '' && parseDuration(task.timeout) === null) {
      problems.push(bad({ kind: 'bad-timeout', path: at('timeout'), taskIndex: index, taskId, message: durationMessage(task.timeout) }))
    }
    const retries = task.retries
    if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0 && retries <= MAX_RETRIES)) {
      problems.push(bad({ kind: 'bad-retries', path: at('retries'), taskIndex: index, taskId, message: `must be a whole number from 0 to ${MAX_RETRIES}` }))
    }
  })

  const cycle = findCycle(draft.tasks)
  // A task depending on itself is reported above, where it is written.
  if (cycle && cycle.length > 2) {
    const index = draft.tasks.findIndex((task) => task.id === cycle[0])
    problems.push(
      bad({
        kind: 'cycle',
        path: `tasks[${index}].depends_on`,
        taskIndex: index,
        taskId: cycle[0],
        edge: { from: cycle.at(-2)!, to: cycle[0]! },
        cycle,
        message: `dependency cycle: ${describeCycle(cycle)}`,
      }),
    )
  }
  return problems
}

/**
 * A 422's field errors (`{"tasks[2].depends_on": "unknown task \"x\""}`) as problems, so they are
 * marked on the task they are about, like the ones found here.
 */
export function serverProblems(fields: Record<string, string>, draft: PlanDraft): PlanProblem[] {
  return Object.entries(fields).map(([path, message]) => {
    const match = /^tasks\[(\d+)\]/.exec(path)
    const taskIndex = match ? Number(match[1]) : undefined
    const taskId = taskIndex !== undefined ? draft.tasks[taskIndex]?.id : undefined
    return { kind: 'server', path, message, taskIndex, taskId, blocking: true }
  })
}

/** "tasks[2].agent: unknown agent …". */
export function describeProblem(problem: PlanProblem): string {
  return `${problem.path}: ${problem.message}`
}
