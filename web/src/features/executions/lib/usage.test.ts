import { describe, expect, it } from 'vitest'

import { unreportedUsage } from './usage'

const zero = { cost_usd: 0, input_tokens: 0, output_tokens: 0 }

describe('unreportedUsage', () => {
  it("trusts Baton's own zeros: a run that used nothing cost nothing", () => {
    expect(unreportedUsage({ kind: 'plan', source: 'baton', ...zero })).toBeNull()
    expect(unreportedUsage({ kind: 'agent', source: 'baton', ...zero })).toBeNull()
  })

  it('hides both figures of a Claude Code session, whose hooks never carry them', () => {
    expect(unreportedUsage({ kind: 'session', source: 'hooks', ...zero })).toEqual({
      cost: true,
      tokens: true,
      note: 'Claude Code hooks report no cost or tokens',
    })
  })

  it('says orchestrator.sh reported nothing, through its webhook or its files', () => {
    for (const source of ['notify', 'workspace']) {
      expect(unreportedUsage({ kind: 'orchestrator', source, ...zero })?.note).toBe('orchestrator.sh reported no cost or tokens')
    }
  })

  it('hides only the figure that is missing when the other was reported', () => {
    expect(unreportedUsage({ kind: 'orchestrator', source: 'notify', ...zero, input_tokens: 1200 })).toEqual({
      cost: true,
      tokens: false,
      note: 'orchestrator.sh reported no cost',
    })
    expect(unreportedUsage({ kind: 'orchestrator', source: 'notify', ...zero, cost_usd: 0.42 })).toEqual({
      cost: false,
      tokens: true,
      note: 'orchestrator.sh reported no tokens',
    })
  })

  it('shows what an integration did report', () => {
    expect(unreportedUsage({ kind: 'orchestrator', source: 'workspace', cost_usd: 0.1, input_tokens: 10, output_tokens: 0 })).toBeNull()
  })

  it('names a source this app does not know as the server spells it', () => {
    expect(unreportedUsage({ kind: 'session', source: 'some_tool', ...zero })?.note).toBe('some tool reported no cost or tokens')
  })
})
