import type { Edge, Node } from '@xyflow/react'

import { hueFromDeclaredColor, hueFromName } from '@/lib/agent-color'

import type { AgentVertex, CollaborationGraph, Focus, Handoff, Highlight } from './graph'
import { routeHandoffs, type Route } from './routes'

/** Every agent card has the same size, so the layout needs no measuring. */
export const NODE_WIDTH = 232
export const NODE_HEIGHT = 64

export type Emphasis = 'normal' | 'focused' | 'dimmed'

export type AgentNodeData = { vertex: AgentVertex; color: string | null; emphasis: Emphasis }
export type AgentFlowNode = Node<AgentNodeData, 'agent'>

export type HandoffEdgeData = { handoff: Handoff; route: Route; hue: number; emphasis: Emphasis }
export type HandoffFlowEdge = Edge<HandoffEdgeData, 'handoff'>

/** Where each route leaves and enters a card (see Route). */
export const HANDLES: Record<Route, { source: string; target: string }> = {
  down: { source: 'down-out', target: 'down-in' },
  skip: { source: 'skip-out', target: 'skip-in' },
  up: { source: 'up-out', target: 'up-in' },
}

export function agentHue(name: string, declared: string | null | undefined) {
  return hueFromDeclaredColor(declared) ?? hueFromName(name)
}

export function describeHandoff({ from, to, count, executions }: { from: string; to: string; count: number; executions: number }) {
  const times = count === 1 ? '1 hand-off' : `${count} hand-offs`
  const runs = executions === 1 ? '1 execution' : `${executions} executions`
  return from === to ? `${from} hands work to itself: ${times} in ${runs}` : `${from} hands work to ${to}: ${times} in ${runs}`
}

export function describeAgent({ agent, tasks, executions, selfHandoffs }: AgentVertex) {
  const parts = [`${tasks} ${tasks === 1 ? 'task' : 'tasks'}`, `${executions} ${executions === 1 ? 'execution' : 'executions'}`]
  if (selfHandoffs > 0) parts.push(`hands work to itself ${selfHandoffs} ${selfHandoffs === 1 ? 'time' : 'times'}`)
  return `${agent}: ${parts.join(', ')}`
}

/** React Flow's nodes and edges for a laid-out graph, with what a focus brightens and dims. */
export function flowElements(
  graph: CollaborationGraph,
  positions: Record<string, { x: number; y: number }>,
  declared: ReadonlyMap<string, string | null>,
  focus: Focus,
  highlight: Highlight | null,
): { nodes: AgentFlowNode[]; edges: HandoffFlowEdge[] } {
  const focused = focus && 'agent' in focus ? focus.agent : null
  const nodes = graph.agents.map((vertex): AgentFlowNode => {
    const emphasis: Emphasis =
      vertex.agent === focused ? 'focused' : highlight && !highlight.agents.has(vertex.agent) ? 'dimmed' : 'normal'
    return {
      id: vertex.agent,
      type: 'agent',
      position: positions[vertex.agent] ?? { x: 0, y: 0 },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      data: { vertex, color: declared.get(vertex.agent) ?? null, emphasis },
      ariaRole: 'link',
      ariaLabel: describeAgent(vertex),
      className: 'rounded-xl outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
    }
  })
  const routes = routeHandoffs(graph.handoffs, positions, { width: NODE_WIDTH, height: NODE_HEIGHT })
  const edges = graph.handoffs.map((handoff): HandoffFlowEdge => {
    const route = routes.get(handoff.id) ?? 'up'
    const emphasis: Emphasis = !highlight ? 'normal' : highlight.handoffs.has(handoff.id) ? 'focused' : 'dimmed'
    return {
      id: handoff.id,
      type: 'handoff',
      source: handoff.from,
      target: handoff.to,
      sourceHandle: HANDLES[route].source,
      targetHandle: HANDLES[route].target,
      data: { handoff, route, hue: agentHue(handoff.from, declared.get(handoff.from)), emphasis },
      ariaLabel: describeHandoff(handoff),
      // No zIndex to raise brightened edges: an edge with one is drawn above every label.
    }
  })
  return { nodes, edges }
}
