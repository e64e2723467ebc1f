import { DEFAULT_NODE_SIZE, type EditorGraph, type NodeSize } from './plan-graph'

export type XY = { x: number; y: number }
/** Top-left corners of the nodes, by node key. */
export type Positions = Record<string, XY>

const GAP_X = 40
const GAP_Y = 64

/**
 * Keeps every node where it was across an edit: by key, or, when the task at an index got a new
 * key (renamed in the inspector or the YAML), by that index. Positions of gone nodes are dropped.
 */
export function carryPositions(previousKeys: readonly string[], nextKeys: readonly string[], positions: Positions): Positions {
  const next: Positions = {}
  const stillThere = new Set(nextKeys)
  nextKeys.forEach((key, index) => {
    const own = positions[key]
    const previous = previousKeys[index]
    if (own) next[key] = own
    else if (previous !== undefined && !stillThere.has(previous) && positions[previous]) next[key] = positions[previous]
  })
  return next
}

function overlaps(a: XY, b: XY, size: NodeSize): boolean {
  return Math.abs(a.x - b.x) < size.width + GAP_X / 2 && Math.abs(a.y - b.y) < size.height + GAP_Y / 2
}

/**
 * Gives each node without a position one, leaving the others alone: under its dependencies
 * (centred on them), or beside the top row when it has none, then moved right until it covers
 * no other node. Nodes are placed dependencies first, so a new chain from the YAML reads downwards.
 */
export function placeNewNodes(graph: EditorGraph, positions: Positions, size: NodeSize = DEFAULT_NODE_SIZE): Positions {
  const placed: Positions = { ...positions }
  const waiting = graph.nodes.map((node) => node.key).filter((key) => !placed[key])
  if (waiting.length === 0) return positions
  const parents = new Map<string, string[]>()
  for (const edge of graph.edges) parents.set(edge.target, [...(parents.get(edge.target) ?? []), edge.source])

  while (waiting.length > 0) {
    // The first whose dependencies all have a place; in a cycle, simply the first.
    const ready = waiting.findIndex((key) => (parents.get(key) ?? []).every((parent) => placed[parent] || !waiting.includes(parent)))
    const [key] = waiting.splice(Math.max(ready, 0), 1) as [string]
    const anchors = (parents.get(key) ?? []).map((parent) => placed[parent]).filter((xy): xy is XY => xy !== undefined)
    const others = Object.values(placed)
    let spot: XY
    if (anchors.length > 0) {
      spot = { x: anchors.reduce((sum, xy) => sum + xy.x, 0) / anchors.length, y: Math.max(...anchors.map((xy) => xy.y)) + size.height + GAP_Y }
    } else if (others.length > 0) {
      spot = { x: Math.max(...others.map((xy) => xy.x)) + size.width + GAP_X, y: Math.min(...others.map((xy) => xy.y)) }
    } else {
      spot = { x: 0, y: 0 }
    }
    while (others.some((xy) => overlaps(xy, spot, size))) spot = { x: spot.x + size.width + GAP_X, y: spot.y }
    placed[key] = { x: Math.round(spot.x), y: Math.round(spot.y) }
  }
  return placed
}

/** A free spot for a task added without a drop point: below everything, left-aligned with it. */
export function freeSpot(positions: Positions, size: NodeSize = DEFAULT_NODE_SIZE): XY {
  const all = Object.values(positions)
  if (all.length === 0) return { x: 0, y: 0 }
  return { x: Math.min(...all.map((xy) => xy.x)), y: Math.max(...all.map((xy) => xy.y)) + size.height + GAP_Y }
}
