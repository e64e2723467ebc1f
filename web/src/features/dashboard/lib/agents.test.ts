import { describe, expect, it } from 'vitest'

import type { AgentStatus } from '../api/types'
import { sortAgents, upsertAgentStatus } from './agents'

const idle = (agent: string, last_seen: string | null): AgentStatus => ({ agent, status: 'idle', running: [], last_seen })
const running = (agent: string, ...starts: string[]): AgentStatus => ({
  agent,
  status: 'running',
  last_seen: starts[0] ?? null,
  running: starts.map((started_at, i) => ({
    execution_id: `e${i}`,
    execution_name: 'plan',
    project_id: null,
    task_id: `t${i}`,
    started_at,
  })),
})

describe('sortAgents', () => {
  it('puts running agents first (longest-running first), then the most recently seen, and never-seen ones last', () => {
    const sorted = sortAgents([
      idle('never', null),
      idle('old', '2026-01-01T00:00:00Z'),
      running('busy', '2026-01-01T00:00:00Z'),
      idle('recent', '2026-01-02T00:00:00Z'),
      running('newcomer', '2026-01-03T00:00:00Z'),
    ])
    expect(sorted.map((a) => a.agent)).toEqual(['busy', 'newcomer', 'recent', 'old', 'never'])
  })
})

describe('upsertAgentStatus', () => {
  it('replaces the agent that changed and keeps the order', () => {
    const list = { agents: [running('a', '2026-01-01T00:00:00Z'), idle('b', '2026-01-01T00:00:00Z')] }
    const next = upsertAgentStatus(list, running('b', '2026-01-02T00:00:00Z'))
    expect(next?.agents.map((a) => [a.agent, a.status])).toEqual([
      ['a', 'running'],
      ['b', 'running'],
    ])
    const after = upsertAgentStatus(next, idle('a', '2026-01-03T00:00:00Z'))
    expect(after?.agents.map((a) => a.agent)).toEqual(['b', 'a'])
  })

  it('adds an agent seen for the first time', () => {
    const next = upsertAgentStatus({ agents: [] }, running('new', '2026-01-01T00:00:00Z'))
    expect(next?.agents).toHaveLength(1)
  })

  it('leaves a list that was never loaded alone', () => {
    expect(upsertAgentStatus(undefined, idle('a', null))).toBeUndefined()
  })
})
