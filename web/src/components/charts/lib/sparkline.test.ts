import { describe, expect, it } from 'vitest'

import { sparkGeometry } from './sparkline'

describe('sparkGeometry', () => {
  it('spaces points evenly and scales values from zero to the largest', () => {
    const { path, points } = sparkGeometry(
      [
        { value: 0, label: 'a' },
        { value: 50, label: 'b' },
        { value: 100, label: 'c' },
      ],
      104,
      24,
    )
    expect(points.map((p) => p.x)).toEqual([2, 52, 102])
    expect(points.map((p) => p.y)).toEqual([22, 12, 2])
    expect(path).toBe('M2 22 L52 12 L102 2')
  })

  it('breaks the line at a marked point', () => {
    const { path, points } = sparkGeometry(
      [
        { value: 10, label: 'a' },
        { value: null, label: 'down' },
        { value: 10, label: 'c' },
        { value: 10, label: 'd' },
      ],
      34,
      12,
      2,
    )
    expect(points[1]?.y).toBeNull()
    expect(path).toBe('M2 2 M22 2 L32 2')
  })

  it('centres a single point and draws nothing for no values', () => {
    expect(sparkGeometry([{ value: 5, label: 'a' }], 40, 10).points[0]?.x).toBe(20)
    expect(sparkGeometry([{ value: null, label: 'a' }], 40, 10).path).toBe('')
  })
})
