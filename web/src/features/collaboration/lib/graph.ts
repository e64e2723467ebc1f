import type { CollaborationAgent, CollaborationEdge } from '../api/types'

/** Stroke widths (px) of the thinnest and the thickest hand-off. */
export const MIN_EDGE_WIDTH = 1.5
export const MAX_EDGE_WIDTH = 7

/**
 * The stroke width of a hand-off counted `count` times when the busiest one was counted `maxCount`
 * times. A square-root scale: the area of ink grows with the count, so one busy pair does not turn
 * every other line into a hairline. With a single count everywhere, every line is the thinnest.
 */
export function edgeWidth(count: number, maxCount: number): number {
  if (maxCount <= 1 || count <= 1) return MIN_EDGE_WIDTH
  const t = Math.sqrt((Math.min(count, maxCount) - 1) / (maxCount - 1))
  return Math.round((MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * t) * 100) / 100
}

export type AgentVertex = CollaborationAgent & {
  /** Work the agent handed to itself (a task depending on its own earlier task). */
  selfHandoffs: number
  /** Hand-offs to and from other agents. */
  sent: number
  received: number
}

export type Handoff = CollaborationEdge & { id: string; width: number }

export type CollaborationGraph = {
  agents: AgentVertex[]
  /** Between two different agents; self hand-offs are on the agents. */
  handoffs: Handoff[]
}

export function handoffId(from: string, to: string) {
  return `${from}\u2192${to}`
}

/**
 * The agents and the hand-offs between them, ready to draw. Agents only named by an edge (the
 * server lists every agent of every edge, but a stale answer need not) get a vertex of their own.
 */
export function collaborationGraph(agents: CollaborationAgent[], edges: CollaborationEdge[]): CollaborationGraph {
  const byName = new Map<string, AgentVertex>()
  const vertex = (name: string) => {
    let found = byName.get(name)
    if (!found) {
      found = { agent: name, tasks: 0, executions: 0, selfHandoffs: 0, sent: 0, received: 0 }
      byName.set(name, found)
    }
    return found
  }
  for (const agent of agents) byName.set(agent.agent, { ...agent, selfHandoffs: 0, sent: 0, received: 0 })

  const between = edges.filter((edge) => edge.from !== edge.to)
  const maxCount = Math.max(0, ...between.map((edge) => edge.count))
  const handoffs: Handoff[] = []
  for (const edge of edges) {
    if (edge.from === edge.to) {
      vertex(edge.from).selfHandoffs += edge.count
      continue
    }
    vertex(edge.from).sent += edge.count
    vertex(edge.to).received += edge.count
    handoffs.push({ ...edge, id: handoffId(edge.from, edge.to), width: edgeWidth(edge.count, maxCount) })
  }
  return { agents: [...byName.values()], handoffs }
}

/**
 * The hand-offs with every cycle broken, for a layered layout (which needs a DAG): a depth-first
 * walk that starts at the agents that hand out the most and turns round each edge that closes a
 * cycle. Drawing keeps the real direction; only the layering uses these.
 */
export function layeringEdges(agents: { agent: string }[], handoffs: { from: string; to: string; count: number }[]) {
  const out = new Map<string, { to: string; count: number }[]>()
  const balance = new Map<string, number>()
  for (const { agent } of agents) {
    out.set(agent, [])
    balance.set(agent, 0)
  }
  for (const edge of handoffs) {
    if (edge.from === edge.to || !out.has(edge.from) || !out.has(edge.to)) continue
    out.get(edge.from)!.push({ to: edge.to, count: edge.count })
    balance.set(edge.from, balance.get(edge.from)! + edge.count)
    balance.set(edge.to, balance.get(edge.to)! - edge.count)
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  // Sources first, then the heaviest neighbours first: the busiest path reads left to right.
  const roots = [...out.keys()].sort((a, b) => balance.get(b)! - balance.get(a)! || byName(a, b))
  for (const list of out.values()) list.sort((a, b) => b.count - a.count || byName(a.to, b.to))

  const state = new Map<string, 'open' | 'done'>()
  const result: { source: string; target: string }[] = []
  const seen = new Set<string>()
  const add = (source: string, target: string) => {
    const key = `${source}\u0000${target}`
    if (seen.has(key)) return
    seen.add(key)
    result.push({ source, target })
  }
  for (const root of roots) {
    if (state.has(root)) continue
    // Iterative, so a long chain of agents cannot overflow the stack.
    const stack: { name: string; next: number }[] = [{ name: root, next: 0 }]
    state.set(root, 'open')
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const edges = out.get(top.name)!
      if (top.next >= edges.length) {
        state.set(top.name, 'done')
        stack.pop()
        continue
      }
      const { to } = edges[top.next++]!
      const seenState = state.get(to)
      if (seenState === 'open') add(to, top.name)
      else {
        add(top.name, to)
        if (seenState === undefined) {
          state.set(to, 'open')
          stack.push({ name: to, next: 0 })
        }
      }
    }
  }
  return result
}

/** What hovering or focusing shows: an agent with its hand-offs, or one hand-off with its two agents. */
export type Focus = { agent: string } | { from: string; to: string } | null

export type Highlight = { agents: Set<string>; handoffs: Set<string> }

/** The agents and hand-offs to keep bright for a focus; null when nothing is focused (all bright). */
export function highlightFor(focus: Focus, handoffs: { from: string; to: string }[]): Highlight | null {
  if (!focus) return null
  if ('agent' in focus) {
    const agents = new Set([focus.agent])
    const ids = new Set<string>()
    for (const edge of handoffs) {
      if (edge.from !== focus.agent && edge.to !== focus.agent) continue
      agents.add(edge.from)
      agents.add(edge.to)
      ids.add(handoffId(edge.from, edge.to))
    }
    return { agents, handoffs: ids }
  }
  return { agents: new Set([focus.from, focus.to]), handoffs: new Set([handoffId(focus.from, focus.to)]) }
}
