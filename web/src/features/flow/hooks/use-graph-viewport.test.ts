import { describe, expect, it } from 'vitest'

import { framing } from './use-graph-viewport'

describe('framing', () => {
  it('centres a small graph at 1:1, never zooming in', () => {
    expect(framing({ width: 400, height: 200 }, 1000, 800)).toEqual({ x: 300, y: 300, zoom: 1 })
  })

  it('zooms a wide graph out to fit the width with the margin, centred', () => {
    const view = framing({ width: 3000, height: 300 }, 1000, 800)
    expect(view.zoom).toBeCloseTo(0.76 / 3)
    expect(view.x + (3000 * view.zoom) / 2).toBeCloseTo(500)
    expect(view.y + (300 * view.zoom) / 2).toBeCloseTo(400)
  })

  it('stops zooming out at the canvas minimum', () => {
    expect(framing({ width: 100_000, height: 10 }, 1000, 800).zoom).toBe(0.1)
  })
})
