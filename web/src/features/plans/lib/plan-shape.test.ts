import { describe, expect, it } from 'vitest'

import { planShape } from './plan-shape'

const task = (id: string, agent: string, ...depends_on: string[]) => ({ id, agent, depends_on })

describe('planShape', () => {
  it('lists each agent once, in order, and counts the stages of the longest chain', () => {
    expect(
      planShape([task('research', 'analyst'), task('api', 'backend', 'research'), task('ui', 'frontend', 'research'), task('qa', 'backend', 'api', 'ui')]),
    ).toEqual({ agents: ['analyst', 'backend', 'frontend'], stages: 3 })
  })

  it('counts independent tasks as one stage, and an empty plan as none', () => {
    expect(planShape([task('a', 'x'), task('b', 'y')]).stages).toBe(1)
    expect(planShape([])).toEqual({ agents: [], stages: 0 })
  })

  it('ignores unknown dependencies and cannot loop on a cycle', () => {
    expect(planShape([task('a', 'x', 'ghost')]).stages).toBe(1)
    expect(planShape([task('a', 'x', 'b'), task('b', 'x', 'a')]).stages).toBeGreaterThan(0)
  })
})
