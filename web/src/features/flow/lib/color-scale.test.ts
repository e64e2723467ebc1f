import { describe, expect, it } from 'vitest'

import { agentAccent, durationOf, heat, paintNodes } from './color-scale'
import { blankNode, type FlowNode } from './graph'

const T0 = Date.parse('2026-01-01T12:00:00Z')
const at = (ms: number) => new Date(T0 + ms).toISOString()

function task(id: string, extra: Partial<FlowNode> = {}): FlowNode {
  return { ...blankNode(id, 'task', id), taskId: id, ...extra }
}

describe('paintNodes', () => {
  const nodes = [
    task('quick', { agent: 'backend', state: 'completed', startedAt: at(0), completedAt: at(1000), costUsd: 0.01 }),
    task('slow', { agent: 'frontend', state: 'completed', startedAt: at(0), completedAt: at(100_000), costUsd: 1 }),
    task('live', { agent: 'backend', state: 'running', startedAt: at(0) }),
    task('later', { agent: 'backend' }),
    { ...blankNode('join:x', 'join', ''), state: 'completed' as const },
  ]

  it('by state: no accents, a legend of the states present with their counts (joins not counted)', () => {
    const paint = paintNodes(nodes, 'state', T0)
    expect(paint.accents.size).toBe(0)
    expect(paint.legend).toEqual({
      kind: 'states',
      items: [
        { state: 'running', count: 1 },
        { state: 'pending', count: 1 },
        { state: 'completed', count: 2 },
      ],
    })
  })

  it('by agent: every node of an agent gets its colour; the legend lists each agent once', () => {
    const paint = paintNodes(nodes, 'agent', T0)
    expect(paint.accents.get('quick')).toBe(agentAccent('backend'))
    expect(paint.accents.get('later')).toBe(agentAccent('backend'))
    expect(paint.accents.get('slow')).toBe(agentAccent('frontend'))
    expect(paint.legend).toEqual({ kind: 'agents', items: [{ agent: 'backend', color: agentAccent('backend') }, { agent: 'frontend', color: agentAccent('frontend') }] })
  })

  it('by duration: the quickest is the coolest, the slowest the hottest; running counts up to now; unstarted stays plain', () => {
    const paint = paintNodes(nodes, 'duration', T0 + 10_000)
    expect(paint.accents.get('quick')).toBe(heat(0))
    expect(paint.accents.get('slow')).toBe(heat(1))
    expect(paint.accents.get('live')).toBe(heat(0.5))
    expect(paint.accents.has('later')).toBe(false)
    expect(paint.legend).toMatchObject({ kind: 'range', min: '1.0 s', max: '1 m 40 s' })
  })

  it('by cost: a log scale between the cheapest and the dearest', () => {
    const paint = paintNodes(nodes, 'cost', T0)
    expect(paint.accents.get('quick')).toBe(heat(0))
    expect(paint.accents.get('slow')).toBe(heat(1))
    expect(paint.accents.has('live')).toBe(false)
  })
})

describe('durationOf', () => {
  it('is null before a start, and counts to now while running', () => {
    expect(durationOf({ startedAt: null, completedAt: null }, T0)).toBeNull()
    expect(durationOf({ startedAt: at(0), completedAt: null }, T0 + 5000)).toBe(5000)
  })
})
