import type { EditorGraph } from './plan-graph'
import type { PlanProblem } from './plan-problems'

export type CanvasMarks = {
  /** Problems to show on each node, by node key. */
  byNode: Map<string, PlanProblem[]>
  /** Edges to draw red, by edge id: every edge of a cycle. */
  badEdges: Set<string>
}

/**
 * Where each problem shows on the canvas: on the task it names, on every task and edge of a
 * cycle. Problems about the plan as a whole (its name, no tasks) mark no node.
 */
export function canvasMarks(graph: EditorGraph, problems: readonly PlanProblem[]): CanvasMarks {
  const byNode = new Map<string, PlanProblem[]>()
  const badEdges = new Set<string>()
  const keyOfIndex = graph.nodes.map((node) => node.key)
  const keyOfId = new Map<string, string>()
  for (const node of graph.nodes) if (node.task.id !== '' && !keyOfId.has(node.task.id)) keyOfId.set(node.task.id, node.key)
  const edgeIds = new Set(graph.edges.map((edge) => edge.id))
  const mark = (key: string | undefined, problem: PlanProblem) => {
    if (key === undefined) return
    const list = byNode.get(key)
    if (!list) byNode.set(key, [problem])
    else if (!list.includes(problem)) list.push(problem)
  }

  for (const problem of problems) {
    if (problem.cycle) {
      problem.cycle.forEach((id, step) => {
        mark(keyOfId.get(id), problem)
        const next = problem.cycle![step + 1]
        const [source, target] = [keyOfId.get(id), next === undefined ? undefined : keyOfId.get(next)]
        if (source !== undefined && target !== undefined && edgeIds.has(`${source}->${target}`)) badEdges.add(`${source}->${target}`)
      })
      continue
    }
    if (problem.taskIndex !== undefined) mark(keyOfIndex[problem.taskIndex], problem)
    if (problem.kind === 'self-dependency' && problem.taskIndex !== undefined) {
      const key = keyOfIndex[problem.taskIndex]
      if (key !== undefined) badEdges.add(`${key}->${key}`)
    }
  }
  return { byNode, badEdges }
}
