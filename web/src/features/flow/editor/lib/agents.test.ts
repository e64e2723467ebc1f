import { describe, expect, it } from 'vitest'

import { matchesAgent, summary } from './agents'

describe('agents', () => {
  const agent = { name: 'backend-expert', description: 'Builds APIs\nand services', category: 'Engineering' }

  it('matches every word of the query in the name, description or category', () => {
    expect(matchesAgent(agent, '')).toBe(true)
    expect(matchesAgent(agent, 'BACKEND api')).toBe(true)
    expect(matchesAgent(agent, 'engineering backend')).toBe(true)
    expect(matchesAgent(agent, 'frontend')).toBe(false)
  })

  it('summarises a description by its first line', () => {
    expect(summary(agent.description)).toBe('Builds APIs')
    expect(summary('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(summary(null)).toBe('')
  })
})
