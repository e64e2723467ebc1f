import { describe, expect, it } from 'vitest'

import { carryPositions, freeSpot, placeNewNodes } from './placement'
import { planToGraph } from './plan-graph'
import type { DraftTask } from './plan-draft'

const task = (id: string, ...depends_on: string[]): DraftTask => ({ id, agent: 'x', prompt: '', depends_on })
const SIZE = { width: 200, height: 80 }

describe('carryPositions', () => {
  it('keeps positions by key, follows a renamed task by its index, and drops gone ones', () => {
    const positions = { a: { x: 1, y: 1 }, b: { x: 2, y: 2 }, c: { x: 3, y: 3 } }
    expect(carryPositions(['a', 'b', 'c'], ['a', 'renamed', 'c'], positions)).toEqual({ a: { x: 1, y: 1 }, renamed: { x: 2, y: 2 }, c: { x: 3, y: 3 } })
    expect(carryPositions(['a', 'b', 'c'], ['a', 'c'], positions)).toEqual({ a: { x: 1, y: 1 }, c: { x: 3, y: 3 } })
  })
})

describe('placeNewNodes', () => {
  it('leaves placed nodes alone and puts a new one under its dependency', () => {
    const graph = planToGraph({ name: 'p', tasks: [task('a'), task('b', 'a')] })
    const placed = placeNewNodes(graph, { a: { x: 100, y: 50 } }, SIZE)
    expect(placed.a).toEqual({ x: 100, y: 50 })
    expect(placed.b!.x).toBe(100)
    expect(placed.b!.y).toBeGreaterThan(50 + SIZE.height)
  })

  it('places a whole plan with no overlaps and every edge going down', () => {
    const graph = planToGraph({ name: 'p', tasks: [task('a'), task('b', 'a'), task('c', 'a'), task('d', 'b', 'c'), task('e')] })
    const placed = placeNewNodes(graph, {}, SIZE)
    const boxes = Object.values(placed)
    boxes.forEach((one, i) =>
      boxes.slice(i + 1).forEach((other) => expect(Math.abs(one.x - other.x) >= SIZE.width || Math.abs(one.y - other.y) >= SIZE.height).toBe(true)),
    )
    for (const edge of graph.edges) expect(placed[edge.target]!.y).toBeGreaterThan(placed[edge.source]!.y)
  })

  it('returns the same object when nothing needs a place', () => {
    const graph = planToGraph({ name: 'p', tasks: [task('a')] })
    const positions = { a: { x: 0, y: 0 } }
    expect(placeNewNodes(graph, positions)).toBe(positions)
  })
})

describe('freeSpot', () => {
  it('is below everything', () => {
    expect(freeSpot({}, SIZE)).toEqual({ x: 0, y: 0 })
    expect(freeSpot({ a: { x: 10, y: 0 }, b: { x: 300, y: 200 } }, SIZE).y).toBeGreaterThan(200 + SIZE.height)
  })
})
