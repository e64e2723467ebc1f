import { describe, expect, it } from 'vitest'

import { routeHandoffs, segmentCrossesBox } from './routes'

describe('segmentCrossesBox', () => {
  const box = { x: 10, y: 10, width: 10, height: 10 }

  it('sees a segment through the box, and one inside it', () => {
    expect(segmentCrossesBox({ x: 0, y: 15 }, { x: 30, y: 15 }, box)).toBe(true)
    expect(segmentCrossesBox({ x: 12, y: 12 }, { x: 14, y: 14 }, box)).toBe(true)
  })

  it('sees a segment that passes by, or stops short', () => {
    expect(segmentCrossesBox({ x: 0, y: 0 }, { x: 30, y: 5 }, box)).toBe(false)
    expect(segmentCrossesBox({ x: 0, y: 15 }, { x: 8, y: 15 }, box)).toBe(false)
    expect(segmentCrossesBox({ x: 25, y: 0 }, { x: 25, y: 40 }, box)).toBe(false)
  })
})

describe('routeHandoffs', () => {
  const size = { width: 100, height: 40 }
  // a over b over c in one column; d beside b.
  const positions = { a: { x: 0, y: 0 }, b: { x: 0, y: 100 }, c: { x: 0, y: 200 }, d: { x: 200, y: 100 } }
  const route = (from: string, to: string) => routeHandoffs([{ id: 'e', from, to }], positions, size).get('e')

  it('goes straight down to the next agent', () => {
    expect(route('a', 'b')).toBe('down')
    expect(route('a', 'd')).toBe('down')
  })

  it('arcs round an agent in the way', () => {
    expect(route('a', 'c')).toBe('skip')
  })

  it('arcs back up against the flow, and for agents side by side', () => {
    expect(route('c', 'a')).toBe('up')
    expect(route('b', 'd')).toBe('up')
  })
})
