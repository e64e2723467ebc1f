import { describe, expect, it } from 'vitest'

import { collaborationGraph, edgeWidth, highlightFor, layeringEdges, MAX_EDGE_WIDTH, MIN_EDGE_WIDTH } from './graph'

describe('edgeWidth', () => {
  it('gives the busiest hand-off the widest stroke and a single one the thinnest', () => {
    expect(edgeWidth(12, 12)).toBe(MAX_EDGE_WIDTH)
    expect(edgeWidth(1, 12)).toBe(MIN_EDGE_WIDTH)
  })

  it('grows with the count, faster at first (square root)', () => {
    const widths = [1, 2, 4, 8, 16].map((count) => edgeWidth(count, 16))
    expect(widths).toEqual([...widths].sort((a, b) => a - b))
    expect(widths[2]! - widths[1]!).toBeGreaterThan(0)
    // Halfway in count is past halfway in width.
    expect(edgeWidth(8.5, 16)).toBeGreaterThan((MIN_EDGE_WIDTH + MAX_EDGE_WIDTH) / 2)
  })

  it('draws every line thin when every count is one (nothing stands out)', () => {
    expect(edgeWidth(1, 1)).toBe(MIN_EDGE_WIDTH)
    expect(edgeWidth(0, 0)).toBe(MIN_EDGE_WIDTH)
  })
})

describe('collaborationGraph', () => {
  const agents = [
    { agent: 'planner', tasks: 4, executions: 2 },
    { agent: 'backend', tasks: 6, executions: 2 },
    { agent: 'tester', tasks: 2, executions: 1 },
  ]

  it('puts self hand-offs on the agent and keeps the others as edges, scaled by count', () => {
    const graph = collaborationGraph(agents, [
      { from: 'planner', to: 'backend', count: 4, executions: 2 },
      { from: 'backend', to: 'backend', count: 3, executions: 1 },
      { from: 'backend', to: 'tester', count: 1, executions: 1 },
    ])
    expect(graph.handoffs.map((h) => [h.id, h.width])).toEqual([
      ['planner→backend', MAX_EDGE_WIDTH],
      ['backend→tester', MIN_EDGE_WIDTH],
    ])
    const backend = graph.agents.find((a) => a.agent === 'backend')
    expect(backend).toMatchObject({ tasks: 6, selfHandoffs: 3, sent: 1, received: 4 })
  })

  it('adds an agent an edge names but the agent list does not', () => {
    const graph = collaborationGraph(agents, [{ from: 'tester', to: 'reviewer', count: 2, executions: 1 }])
    expect(graph.agents.map((a) => a.agent)).toEqual(['planner', 'backend', 'tester', 'reviewer'])
    expect(graph.agents.at(-1)).toMatchObject({ tasks: 0, received: 2 })
  })
})

describe('layeringEdges', () => {
  const names = (...list: string[]) => list.map((agent) => ({ agent }))

  it('keeps a chain as it is', () => {
    const edges = layeringEdges(names('a', 'b', 'c'), [
      { from: 'a', to: 'b', count: 1 },
      { from: 'b', to: 'c', count: 1 },
    ])
    expect(edges).toEqual([
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
    ])
  })

  it('breaks a cycle by turning round one edge, starting from the agent that hands out the most', () => {
    const edges = layeringEdges(names('a', 'b', 'c'), [
      { from: 'a', to: 'b', count: 5 },
      { from: 'b', to: 'c', count: 2 },
      { from: 'c', to: 'a', count: 1 },
    ])
    expect(edges).toEqual([
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'a', target: 'c' },
    ])
  })

  it('merges a pair that hand work both ways into one layering edge and ignores self hand-offs', () => {
    const edges = layeringEdges(names('a', 'b'), [
      { from: 'a', to: 'b', count: 3 },
      { from: 'b', to: 'a', count: 1 },
      { from: 'a', to: 'a', count: 2 },
    ])
    expect(edges).toEqual([{ source: 'a', target: 'b' }])
  })
})

describe('highlightFor', () => {
  const handoffs = [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
    { from: 'd', to: 'e' },
  ]

  it('keeps an agent, its neighbours and its hand-offs bright', () => {
    const highlight = highlightFor({ agent: 'b' }, handoffs)
    expect([...highlight!.agents].sort()).toEqual(['a', 'b', 'c'])
    expect([...highlight!.handoffs].sort()).toEqual(['a→b', 'b→c'])
  })

  it('keeps one hand-off and its two agents bright', () => {
    const highlight = highlightFor({ from: 'd', to: 'e' }, handoffs)
    expect([...highlight!.agents]).toEqual(['d', 'e'])
    expect([...highlight!.handoffs]).toEqual(['d→e'])
  })

  it('dims nothing without a focus', () => {
    expect(highlightFor(null, handoffs)).toBeNull()
  })
})
