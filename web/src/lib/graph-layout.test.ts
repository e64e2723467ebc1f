import { describe, expect, it } from 'vitest'

import { layoutGraph, placeInOrder, type LayoutInput, type LayoutResult } from './graph-layout'

const W = 200
const H = 60

function input(ids: string[], edges: [string, string][], direction: 'TB' | 'LR' = 'TB'): LayoutInput {
  return {
    nodes: ids.map((id) => ({ id, width: W, height: H })),
    edges: edges.map(([source, target]) => ({ source, target })),
    direction,
  }
}

/** A seeded generator (mulberry32): the same "random" graph every run. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `nodes` tasks, each depending on up to a few earlier ones (mostly recent ones, like a real plan), `edges` in all. */
function bigGraph(nodes: number, edges: number, seed = 7): LayoutInput {
  const next = random(seed)
  const ids = Array.from({ length: nodes }, (_, i) => `task-${i}`)
  const pairs = new Set<string>()
  const list: [string, string][] = []
  while (list.length < edges) {
    const target = 1 + Math.floor(next() * (nodes - 1))
    const back = 1 + Math.floor(next() ** 3 * Math.min(target, 200))
    const source = target - back
    const key = `${source}>${target}`
    if (pairs.has(key)) continue
    pairs.add(key)
    list.push([ids[source]!, ids[target]!])
  }
  return input(ids, list)
}

function overlaps(layout: LayoutResult, graph: LayoutInput): [string, string][] {
  const boxes = graph.nodes.map((node) => ({ id: node.id, ...layout.positions[node.id]!, w: node.width, h: node.height }))
  const found: [string, string][] = []
  // Sorted sweep on x: only boxes whose x ranges meet are compared.
  boxes.sort((a, b) => a.x - b.x)
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!
    for (let j = i + 1; j < boxes.length && boxes[j]!.x < a.x + a.w; j++) {
      const b = boxes[j]!
      if (a.y < b.y + b.h && b.y < a.y + a.h) found.push([a.id, b.id])
    }
  }
  return found
}

describe('layoutGraph', () => {
  it('puts every edge downwards: a task sits below everything it depends on', () => {
    const graph = input(
      ['plan', 'api', 'ui', 'tests', 'ship'],
      [
        ['plan', 'api'],
        ['plan', 'ui'],
        ['api', 'tests'],
        ['ui', 'tests'],
        ['tests', 'ship'],
        ['plan', 'ship'],
      ],
    )
    const { positions } = layoutGraph(graph)
    for (const edge of graph.edges) {
      expect(positions[edge.target]!.y, `${edge.source} → ${edge.target}`).toBeGreaterThanOrEqual(positions[edge.source]!.y + H)
    }
    // Siblings share a rank.
    expect(positions.api!.y).toBe(positions.ui!.y)
  })

  it('flows left to right in LR, with the same guarantees on the other axis', () => {
    const graph = input(['a', 'b', 'c'], [['a', 'b'], ['a', 'c']], 'LR')
    const { positions, width, height } = layoutGraph(graph)
    expect(positions.b!.x).toBeGreaterThanOrEqual(positions.a!.x + W)
    expect(positions.b!.x).toBe(positions.c!.x)
    expect(Math.abs(positions.b!.y - positions.c!.y)).toBeGreaterThanOrEqual(H)
    expect(width).toBeGreaterThan(height)
  })

  it('centres a single child under its parent and a parent over its children', () => {
    const { positions } = layoutGraph(input(['p', 'a', 'b', 'c'], [['p', 'a'], ['p', 'b'], ['p', 'c']]))
    const centre = (id: string) => positions[id]!.x + W / 2
    expect(centre('p')).toBeCloseTo((centre('a') + centre('c')) / 2, 0)
    expect(centre('b')).toBeCloseTo(centre('p'), 0)
  })

  it('places a source next to its nearest child rather than at the top', () => {
    const { positions } = layoutGraph(input(['a', 'b', 'c', 'late'], [['a', 'b'], ['b', 'c'], ['late', 'c']]))
    expect(positions.late!.y).toBe(positions.b!.y)
  })

  it('survives a cycle (a plan being edited) and ignores self-loops and unknown ends', () => {
    const graph = input(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a'], ['a', 'a'], ['a', 'ghost']])
    const layout = layoutGraph(graph)
    expect(Object.keys(layout.positions).sort()).toEqual(['a', 'b', 'c'])
    expect(overlaps(layout, graph)).toEqual([])
  })

  it('untangles what it can: two crossing pairs end up side by side', () => {
    // In input order the edges cross (a→d, b→c); the sweeps swap c and d.
    const { positions } = layoutGraph(input(['a', 'b', 'c', 'd'], [['a', 'd'], ['b', 'c']]))
    expect(positions.a!.x < positions.b!.x).toBe(positions.d!.x < positions.c!.x)
  })

  it('is deterministic', () => {
    const graph = bigGraph(300, 800, 3)
    expect(layoutGraph(graph)).toEqual(layoutGraph(structuredClone(graph)))
  })

  it('lays out 1,000 nodes and 3,000 edges without overlaps, every edge downwards, fast', () => {
    const graph = bigGraph(1000, 3000)
    const started = performance.now()
    const layout = layoutGraph(graph)
    const elapsed = performance.now() - started
    expect(Object.keys(layout.positions)).toHaveLength(1000)
    expect(overlaps(layout, graph)).toEqual([])
    for (const edge of graph.edges) expect(layout.positions[edge.target]!.y).toBeGreaterThan(layout.positions[edge.source]!.y)
    // Not a benchmark: a generous ceiling that still catches a quadratic step (dagre took 20 s).
    expect(elapsed).toBeLessThan(1500)
  })

  it('returns an empty layout for an empty graph', () => {
    expect(layoutGraph(input([], []))).toEqual({ positions: {}, width: 0, height: 0 })
  })
})

describe('placeInOrder', () => {
  it('keeps wishes that fit and pushes apart those that collide, symmetrically', () => {
    expect(placeInOrder([0, 100, 300], [0, 50, 50], [1, 1, 1])).toEqual([0, 100, 300])
    expect(placeInOrder([10, 10], [0, 100], [1, 1])).toEqual([-40, 60])
  })

  it('never breaks the order or the gaps', () => {
    const placed = placeInOrder([50, 0, 20, 10], [0, 30, 30, 30], [1, 2, 1, 1])
    for (let i = 1; i < placed.length; i++) expect(placed[i]! - placed[i - 1]!).toBeGreaterThanOrEqual(30 - 1e-9)
  })

  it('without lanes, an edge that skips a rank leaves a chain in one straight column', () => {
    const chain = input(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd'], ['a', 'd']])
    const { positions } = layoutGraph({ ...chain, lanes: false })
    expect(new Set(['a', 'b', 'c', 'd'].map((id) => positions[id]!.x)).size).toBe(1)
    const laned = layoutGraph(chain).positions
    expect(new Set(['a', 'b', 'c', 'd'].map((id) => laned[id]!.x)).size).toBeGreaterThan(1)
  })
})
