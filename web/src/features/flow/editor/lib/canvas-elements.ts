import type { Edge, MarkerType } from '@xyflow/react'

import type { DraftTaskNode } from './task-node-data'
import type { Positions } from './placement'
import type { EditorGraph, NodeSize } from './plan-graph'
import type { PlanProblem } from './plan-problems'

type NodeInput = {
  graph: EditorGraph
  positions: Positions
  selected: string | null
  problemsByKey: ReadonlyMap<string, PlanProblem[]>
  agentColors: ReadonlyMap<string, string | null>
  measured: ReadonlyMap<string, NodeSize>
  readOnly: boolean
}

/** "Task build, agent builder, 2 problems": what a screen reader hears on a node. */
export function taskAriaLabel(id: string, agent: string, problems: number): string {
  const issues = problems > 0 ? `, ${problems} ${problems === 1 ? 'problem' : 'problems'}` : ''
  return `Task ${id || '(no id)'}, agent ${agent || '(none)'}${issues}`
}

/**
 * React Flow's nodes for the plan. Each carries the size the browser measured, which React Flow
 * needs back on every render of controlled nodes (without it a node hides until re-measured).
 */
export function flowNodes({ graph, positions, selected, problemsByKey, agentColors, measured, readOnly }: NodeInput): DraftTaskNode[] {
  return graph.nodes.map(({ key, index, task }) => {
    const problems = problemsByKey.get(key) ?? []
    return {
      id: key,
      type: 'draftTask',
      position: positions[key] ?? { x: 0, y: 0 },
      data: { task, index, agentColor: agentColors.get(task.agent) ?? null, problems, readOnly },
      selected: key === selected,
      measured: measured.get(key),
      ariaLabel: taskAriaLabel(task.id, task.agent, problems.length),
    }
  })
}

const ARROW = 'arrowclosed' as MarkerType
const STROKE = {
  normal: 'color-mix(in oklch, var(--muted-foreground) 65%, transparent)',
  selected: 'var(--foreground)',
  bad: 'var(--destructive)',
}

/** React Flow's edges: a dependency's arrow points at the task that waits; edges of a cycle are red. */
export function flowEdges(graph: EditorGraph, badEdges: ReadonlySet<string>, selectedEdge: string | null): Edge[] {
  return graph.edges.map((edge) => {
    const chosen = edge.id === selectedEdge
    const stroke = badEdges.has(edge.id) ? STROKE.bad : chosen ? STROKE.selected : STROKE.normal
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      selected: chosen,
      ariaLabel: `${edge.to} depends on ${edge.from}`,
      style: { stroke, strokeWidth: chosen ? 2.25 : 1.5 },
      markerEnd: { type: ARROW, color: stroke, width: 16, height: 16 },
    }
  })
}
