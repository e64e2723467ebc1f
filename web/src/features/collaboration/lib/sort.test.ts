import { describe, expect, it } from 'vitest'

import { nextSort, sortHandoffs } from './sort'

const edges = [
  { from: 'backend', to: 'tester', count: 2, executions: 2 },
  { from: 'planner', to: 'backend', count: 7, executions: 3 },
  { from: 'Architect', to: 'backend', count: 2, executions: 1 },
  { from: 'backend', to: 'backend', count: 4, executions: 1 },
]
const pairs = (list: typeof edges) => list.map((e) => `${e.from}>${e.to}`)

describe('sortHandoffs', () => {
  it('puts the busiest first, ties by from then to', () => {
    expect(pairs(sortHandoffs(edges, { key: 'count', order: 'desc' }))).toEqual([
      'planner>backend',
      'backend>backend',
      'Architect>backend',
      'backend>tester',
    ])
  })

  it('reverses for ascending counts', () => {
    expect(pairs(sortHandoffs(edges, { key: 'count', order: 'asc' }))[0]).toBe('Architect>backend')
  })

  it('sorts names without regard to case, ties busiest first', () => {
    expect(pairs(sortHandoffs(edges, { key: 'from', order: 'asc' }))).toEqual([
      'Architect>backend',
      'backend>backend',
      'backend>tester',
      'planner>backend',
    ])
  })

  it('sorts by executions', () => {
    expect(pairs(sortHandoffs(edges, { key: 'executions', order: 'desc' }))[0]).toBe('planner>backend')
  })

  it('does not change the input', () => {
    const copy = [...edges]
    sortHandoffs(edges, { key: 'to', order: 'desc' })
    expect(edges).toEqual(copy)
  })
})

describe('nextSort', () => {
  it('flips the order of the current column', () => {
    expect(nextSort({ key: 'count', order: 'desc' }, 'count')).toEqual({ key: 'count', order: 'asc' })
  })

  it('starts numbers busiest first and names A to Z', () => {
    expect(nextSort({ key: 'count', order: 'desc' }, 'from')).toEqual({ key: 'from', order: 'asc' })
    expect(nextSort({ key: 'from', order: 'asc' }, 'executions')).toEqual({ key: 'executions', order: 'desc' })
  })
})
