import type { DraftTask, PlanDraft } from './plan-draft'

/** A task on the canvas. `key` is unique even when ids are not (duplicates, blanks), which React Flow needs. */
export type EditorNode = { key: string; index: number; task: DraftTask }

/** `target` depends on `source` (node keys); `from`/`to` are the task ids. */
export type EditorEdge = { id: string; source: string; target: string; from: string; to: string }

export type EditorGraph = { nodes: EditorNode[]; edges: EditorEdge[] }

export type LayoutDirection = 'TB' | 'LR'
export type NodeSize = { width: number; height: number }
export type LayoutInput = {
  nodes: { id: string; width: number; height: number }[]
  edges: { source: string; target: string }[]
  direction: LayoutDirection
}

/** What a node measures before the browser has measured it. */
export const DEFAULT_NODE_SIZE: NodeSize = { width: 240, height: 92 }

/**
 * Node keys per task index: the id itself, `~<index>` for a blank one and `<id>~<n>` for the n-th
 * copy of a duplicate (`~` cannot be in an id, so a key never collides with another task's id).
 */
export function nodeKeys(tasks: readonly DraftTask[]): string[] {
  const count = new Map<string, number>()
  return tasks.map((task, index) => {
    if (task.id === '') return `~${index}`
    const n = (count.get(task.id) ?? 0) + 1
    count.set(task.id, n)
    return n === 1 ? task.id : `${task.id}~${n}`
  })
}

/**
 * The canvas's nodes and edges. An edge goes from a dependency to the task that waits for it, to
 * the first task of that id; a dependency on an unknown task has no edge (it is a problem instead).
 */
export function planToGraph(draft: PlanDraft): EditorGraph {
  const keys = nodeKeys(draft.tasks)
  const firstKey = new Map<string, string>()
  draft.tasks.forEach((task, index) => {
    if (task.id !== '' && !firstKey.has(task.id)) firstKey.set(task.id, keys[index]!)
  })
  const nodes = draft.tasks.map((task, index) => ({ key: keys[index]!, index, task }))
  const edges: EditorEdge[] = []
  draft.tasks.forEach((task, index) => {
    const target = keys[index]!
    for (const from of new Set(task.depends_on)) {
      const source = firstKey.get(from)
      if (source !== undefined) edges.push({ id: `${source}->${target}`, source, target, from, to: task.id })
    }
  })
  return { nodes, edges }
}

/** What the layered layout takes: every node with its size (measured, else the default) and every edge. */
export function layoutInput(graph: EditorGraph, sizes: ReadonlyMap<string, NodeSize> = new Map(), direction: LayoutDirection = 'TB'): LayoutInput {
  return {
    nodes: graph.nodes.map(({ key }) => ({ id: key, ...(sizes.get(key) ?? DEFAULT_NODE_SIZE) })),
    edges: graph.edges.map(({ source, target }) => ({ source, target })),
    direction,
  }
}
