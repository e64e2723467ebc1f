import { describe, expect, it } from 'vitest'

import { isRunning, primaryRun, type AgentLiveState } from './agent-runs'

const run = (task_id: string, started_at: string | null) => ({ execution_id: 'e', execution_name: 'plan', task_id, started_at })

describe('primaryRun', () => {
  it('is the run that started first; runs without a start come last', () => {
    expect(primaryRun({ running: [run('t0', '2026-01-01T00:05:00Z'), run('t1', '2026-01-01T00:01:00Z')] })?.task_id).toBe('t1')
    expect(primaryRun({ running: [run('t0', null), run('t1', '2026-01-01T00:01:00Z')] })?.task_id).toBe('t1')
    expect(primaryRun({ running: [] })).toBeUndefined()
  })
})

describe('isRunning', () => {
  it('needs both the status and something to run', () => {
    const working: AgentLiveState = { status: 'running', running: [run('t', null)], last_seen: null }
    expect(isRunning(working)).toBe(true)
    expect(isRunning({ ...working, running: [] })).toBe(false)
    expect(isRunning({ ...working, status: 'idle' })).toBe(false)
  })
})
