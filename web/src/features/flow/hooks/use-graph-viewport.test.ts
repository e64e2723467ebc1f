import { describe, expect, it } from 'vitest'

import { framing } from './use-graph-viewport'

describe('framing', () => {
  it('centres a small graph at 1:1, never zooming in', () => {
    expect(framing({ width: 400, height: 200 }, 1000, 800, 'TB')).toEqual({ x: 300, y: 300, zoom: 1 })
  })

  it('zooms a wide graph out to fit the width with the margin, centred', () => {
    const view = framing({ width: 3000, height: 300 }, 1000, 800, 'TB')
    expect(view.zoom).toBeCloseTo(0.76 / 3)
    expect(view.x + (3000 * view.zoom) / 2).toBeCloseTo(500)
    expect(view.y + (300 * view.zoom) / 2).toBeCloseTo(400)
  })

  it('stops zooming out at the canvas minimum', () => {
    expect(framing({ width: 100_000, height: 10 }, 1000, 800, 'TB').zoom).toBe(0.1)
  })

  it('opens a graph too big to read whole at a readable zoom, at its start along the flow', () => {
    const down = framing({ width: 13_000, height: 4_000 }, 1000, 800, 'TB', 0.5)
    expect(down).toEqual({ x: (1000 - 6500) / 2, y: 800 * 0.12, zoom: 0.5 })
    const across = framing({ width: 4_000, height: 13_000 }, 1000, 800, 'LR', 0.5)
    expect(across).toEqual({ x: 1000 * 0.12, y: (800 - 6500) / 2, zoom: 0.5 })
  })
})
