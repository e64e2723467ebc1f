import { describe, expect, it } from 'vitest'

import { executionOrigin, executionSource, isRunByBaton } from './execution-source'

describe('executionSource', () => {
  it('is the source the server sends', () => {
    expect(executionSource({ kind: 'orchestrator', source: 'notify' })).toBe('notify')
    expect(executionSource({ kind: 'orchestrator', source: 'workspace' })).toBe('workspace')
    expect(executionSource({ kind: 'session', source: 'hooks' })).toBe('hooks')
    expect(executionSource({ kind: 'plan', source: 'baton' })).toBe('baton')
  })

  it('is null for a source it does not know, whatever the kind', () => {
    expect(executionSource({ kind: 'plan', source: 'carrier-pigeon' })).toBeNull()
    expect(executionSource({ kind: 'session', source: '' })).toBeNull()
  })
})

describe('isRunByBaton', () => {
  it('is true only for what Baton started', () => {
    expect(isRunByBaton({ kind: 'plan', source: 'baton' })).toBe(true)
    expect(isRunByBaton({ kind: 'agent', source: 'baton' })).toBe(true)
    expect(isRunByBaton({ kind: 'session', source: 'hooks' })).toBe(false)
    expect(isRunByBaton({ kind: 'orchestrator', source: 'notify' })).toBe(false)
    expect(isRunByBaton({ kind: 'orchestrator', source: 'workspace' })).toBe(false)
    expect(isRunByBaton({ kind: 'plan', source: 'cron' })).toBe(false)
  })
})

describe('executionOrigin', () => {
  it('names each source and says where it came from', () => {
    expect(executionOrigin({ kind: 'plan', source: 'baton' })).toMatchObject({ key: 'plan', label: 'Plan' })
    expect(executionOrigin({ kind: 'agent', source: 'baton' })).toMatchObject({ key: 'agent', label: 'Agent' })
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

  it('shows a source from a newer server as it is', () => {
    expect(executionOrigin({ kind: 'plan', source: 'scheduled_job' })).toMatchObject({ key: 'other', label: 'scheduled job' })
    expect(executionOrigin({ kind: 'plan', source: '' })).toMatchObject({ key: 'other', label: 'Unknown' })
  })
})
