/** What cycle detection needs of a task. */
export type TaskLink = { id: string; depends_on: readonly string[] }

/** Task id → the ids of the tasks that depend on it (run order: a dependency runs first). */
function dependentsOf(tasks: readonly TaskLink[]): Map<string, string[]> {
  const dependents = new Map<string, string[]>()
  for (const task of tasks) {
    for (const dependency of new Set(task.depends_on)) {
      const list = dependents.get(dependency)
      if (list) list.push(task.id)
      else dependents.set(dependency, [task.id])
    }
  }
  return dependents
}

/**
 * A dependency cycle as a path in run order (each task is a dependency of the next), the first
 * task repeated at the end: `["build", "test", "build"]`. Null when there is none. Iterative, so
 * a 5,000-task plan cannot overflow the stack.
 */
export function findCycle(tasks: readonly TaskLink[]): string[] | null {
  const dependents = dependentsOf(tasks)
  // 1 = on the current path, 2 = finished.
  const state = new Map<string, 1 | 2>()
  for (const root of tasks) {
    if (state.has(root.id)) continue
    const path: string[] = [root.id]
    const next: number[] = [0]
    state.set(root.id, 1)
    while (path.length > 0) {
      const node = path.at(-1)!
      const children = dependents.get(node) ?? []
      const index = next.at(-1)!
      if (index >= children.length) {
        state.set(node, 2)
        path.pop()
        next.pop()
        continue
      }
      next[next.length - 1] = index + 1
      const child = children[index]!
      const seen = state.get(child)
      if (seen === 1) return [...path.slice(path.indexOf(child)), child]
      if (seen === undefined) {
        state.set(child, 1)
        path.push(child)
        next.push(0)
      }
    }
  }
  return null
}

/**
 * Whether making `to` depend on `from` (an edge from → to on the canvas) closes a cycle: the path
 * it would make, starting at `to`, e.g. `["build", "test", "build"]` for an edge test → build
 * while test already depends on build. Null when the edge is fine.
 */
export function wouldCreateCycle(tasks: readonly TaskLink[], from: string, to: string): string[] | null {
  if (from === to) return [to, to]
  const dependents = dependentsOf(tasks)
  // Breadth-first from `to` along the run order; reaching `from` means `from` already waits for `to`.
  const cameFrom = new Map<string, string>([[to, to]])
  const queue = [to]
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!
    for (const child of dependents.get(node) ?? []) {
      if (cameFrom.has(child)) continue
      cameFrom.set(child, node)
      if (child === from) {
        const path = [from]
        for (let step = from; step !== to; ) {
          step = cameFrom.get(step)!
          path.push(step)
        }
        return [...path.reverse(), to]
      }
      queue.push(child)
    }
  }
  return null
}

/** "build → test → build". */
export function describeCycle(path: readonly string[]): string {
  return path.join(' → ')
}
