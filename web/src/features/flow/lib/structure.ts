import type { FlowGraph } from './graph'
import type { LayoutDirection, LayoutInput } from '@/lib/graph-layout'
import { NODE_SIZE } from './node-sizes'

/**
 * Whether two graphs need the same layout: the same nodes (ids and kinds, so sizes) and edges, in
 * the same order. A state change keeps the structure; a new subagent, a collapsed group or hiding
 * completed nodes changes it. O(n), without building a key string on every update.
 */
export function sameStructure(a: FlowGraph, b: FlowGraph): boolean {
  if (a === b) return true
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i]!
    const y = b.nodes[i]!
    if (x.id !== y.id || x.kind !== y.kind) return false
  }
  for (let i = 0; i < a.edges.length; i++) {
    const x = a.edges[i]!
    const y = b.edges[i]!
    if (x.source !== y.source || x.target !== y.target) return false
  }
  return true
}

export function layoutInput(graph: FlowGraph, direction: LayoutDirection): LayoutInput {
  return {
    nodes: graph.nodes.map((node) => ({ id: node.id, ...NODE_SIZE[node.kind] })),
    edges: graph.edges.map((edge) => ({ source: edge.source, target: edge.target })),
    direction,
    // Joins and subagents sit closer; task ranks need room for the edges between them.
    rankGap: direction === 'TB' ? 48 : 64,
    nodeGap: direction === 'TB' ? 24 : 16,
  }
}

/**
 * Remembers the last layout input and hands it back while the structure stays the same, so a
 * layout is asked for only when it would differ.
 */
export function createLayoutInputMemo() {
  let last: { graph: FlowGraph; direction: LayoutDirection; input: LayoutInput } | null = null
  return function inputFor(graph: FlowGraph, direction: LayoutDirection): LayoutInput {
    if (last && last.direction === direction && sameStructure(last.graph, graph)) {
      last = { ...last, graph }
      return last.input
    }
    last = { graph, direction, input: layoutInput(graph, direction) }
    return last.input
  }
}
