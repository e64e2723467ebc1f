import { describe, expect, it } from 'vitest'

import { executionOrigin, executionSource, isRunByBaton } from './execution-source'

describe('executionSource', () => {
  it('uses the source the server sends', () => {
    expect(executionSource({ kind: 'orchestrator', source: 'notify' })).toBe('notify')
    expect(executionSource({ kind: 'orchestrator', source: 'workspace' })).toBe('workspace')
    expect(executionSource({ kind: 'session', source: 'hooks' })).toBe('hooks')
    expect(executionSource({ kind: 'plan', source: 'baton' })).toBe('baton')
  })

  it('falls back on the kind when there is no source yet', () => {
    expect(executionSource({ kind: 'plan' })).toBe('baton')
    expect(executionSource({ kind: 'agent' })).toBe('baton')
    expect(executionSource({ kind: 'session' })).toBe('hooks')
    // Webhook or workspace files: the kind cannot tell.
    expect(executionSource({ kind: 'orchestrator' })).toBeNull()
  })

  it('ignores a source it does not know, and says so for a kind it does not know', () => {
    expect(executionSource({ kind: 'plan', source: 'carrier-pigeon' })).toBe('baton')
    expect(executionSource({ kind: 'session', source: null })).toBe('hooks')
    expect(executionSource({ kind: 'cron', source: 42 })).toBeNull()
  })
})

describe('isRunByBaton', () => {
  it('is true only for what Baton started', () => {
    expect(isRunByBaton({ kind: 'plan' })).toBe(true)
    expect(isRunByBaton({ kind: 'agent', source: 'baton' })).toBe(true)
    expect(isRunByBaton({ kind: 'session' })).toBe(false)
    expect(isRunByBaton({ kind: 'orchestrator', source: 'notify' })).toBe(false)
    expect(isRunByBaton({ kind: 'orchestrator' })).toBe(false)
    expect(isRunByBaton({ kind: 'cron' })).toBe(false)
  })
})

describe('executionOrigin', () => {
  it('names each source and says where it came from', () => {
    expect(executionOrigin({ kind: 'plan', source: 'baton' })).toMatchObject({ key: 'plan', label: 'Plan' })
    expect(executionOrigin({ kind: 'agent' })).toMatchObject({ key: 'agent', label: 'Agent' })
    expect(executionOrigin({ kind: 'session', source: 'hooks' })).toEqual({
      key: 'hooks',
      label: 'Claude Code session',
      description: 'Reported by Claude Code hooks',
    })
    expect(executionOrigin({ kind: 'orchestrator', source: 'notify' })).toEqual({
      key: 'notify',
      label: 'orchestrator.sh',
      description: 'Reported by orchestrator.sh (webhook)',
    })
    expect(executionOrigin({ kind: 'orchestrator', source: 'workspace' })).toEqual({
      key: 'workspace',
      label: 'orchestrator.sh',
      description: 'Read from agent-workspaces files',
    })
  })

  it('still names an orchestrator run whose channel is unknown, and shows a new kind as it is', () => {
    expect(executionOrigin({ kind: 'orchestrator' })).toMatchObject({ key: 'orchestrator', label: 'orchestrator.sh' })
    expect(executionOrigin({ kind: 'scheduled_job' })).toMatchObject({ key: 'other', label: 'scheduled job' })
  })
})
