import { describe, expect, it } from 'vitest'

import { sparklinePaths } from './sparkline'

describe('sparklinePaths', () => {
  it('draws nothing without values', () => {
    expect(sparklinePaths([], 100, 20)).toEqual({ line: '', area: '' })
  })

  it('spreads values across the width with 0 at the bottom and 100 at the top', () => {
    const { line, area } = sparklinePaths([0, 50, 100], 100, 22)
    expect(line).toBe('M0 21 L50 11 L100 1')
    expect(area).toBe('M0 22 L0 21 L50 11 L100 1 L100 22 Z')
  })

  it('breaks the line where a value is unknown and clamps what is out of range', () => {
    const { line } = sparklinePaths([10, null, 150, -5], 30, 12)
    expect(line.split('M')).toHaveLength(3)
    expect(line).toContain('L30 11')
    expect(line).toContain('M20 1')
  })

  it('shows a lone point as a short dash', () => {
    expect(sparklinePaths([40], 100, 12).line).toMatch(/^M0 \S+ L\S+ \S+$/)
  })
})
