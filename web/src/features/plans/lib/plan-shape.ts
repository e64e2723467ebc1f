/** What a plan's row says about it at a glance: its agents, and how many stages deep it runs. */
export type PlanShape = { agents: string[]; stages: number }

type TaskLike = { id: string; agent: string; depends_on: readonly string[] }

/**
 * The distinct agents in the order they first appear, and the longest chain of dependencies
 * (3 for a → b → c; tasks with none are one stage). Dependencies on unknown tasks are ignored,
 * and a cycle (a saved plan never has one) cannot loop.
 */
export function planShape(tasks: readonly TaskLike[]): PlanShape {
  const agents = [...new Set(tasks.map((task) => task.agent))]
  const byId = new Map(tasks.map((task) => [task.id, task]))
  const depth = new Map<string, number>()
  const visiting = new Set<string>()
  const stageOf = (task: TaskLike): number => {
    const known = depth.get(task.id)
    if (known !== undefined) return known
    if (visiting.has(task.id)) return 0
    visiting.add(task.id)
    let deepest = 0
    for (const id of task.depends_on) {
      const dependency = byId.get(id)
      if (dependency) deepest = Math.max(deepest, stageOf(dependency))
    }
    visiting.delete(task.id)
    depth.set(task.id, deepest + 1)
    return deepest + 1
  }
  return { agents, stages: tasks.reduce((most, task) => Math.max(most, stageOf(task)), 0) }
}
