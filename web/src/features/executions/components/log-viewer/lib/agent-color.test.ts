import { describe, expect, it } from 'vitest'

import { agentColor, agentColorIndex } from './agent-color'

describe('agentColor', () => {
  it('gives an agent the same colour every time', () => {
    expect(agentColor('backend-expert')).toBe(agentColor('backend-expert'))
    expect(agentColorIndex('qa-test-engineer')).toBe(agentColorIndex('qa-test-engineer'))
  })

  it('spreads the example project’s agents over several colours', () => {
    const agents = ['business-analyst', 'database-architect', 'backend-expert', 'frontend-expert', 'security-specialist', 'qa-test-engineer', 'devops-sre-expert']
    expect(new Set(agents.map((a) => agentColorIndex(a))).size).toBeGreaterThanOrEqual(5)
  })

  it('stays in the palette and has a neutral colour for lines without an agent', () => {
    for (const name of ['a', 'b', 'a-very-long-agent-name-with-digits-123', 'ünïcödé']) {
      const index = agentColorIndex(name, 12)
      expect(index).toBeGreaterThanOrEqual(0)
      expect(index).toBeLessThan(12)
    }
    expect(agentColor(null).chip).toContain('bg-muted')
  })
})
