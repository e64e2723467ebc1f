import { describe, expect, it } from 'vitest'

import type { Agent, AgentDetail, AgentList, AgentStatusUpdate } from '../api/types'
import { listMayMissAgent, patchAgentDetail, patchAgentList, sortCatalog } from './live-cache'

function agent(name: string, status: Agent['status'] = 'idle'): Agent {
  return {
    name,
    description: null,
    model: null,
    color: null,
    tools: null,
    category: null,
    expertise: [],
    collaborates_with: [],
    origins: ['file'],
    definition: null,
    error: null,
    status,
    running: [],
    last_seen: null,
    stats: { tasks: 0, completed: 0, failed: 0, success_rate: null, median_duration_ms: null, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
  }
}

const run = { execution_id: 'e1', execution_name: 'Shop', project_id: null, task_id: 'api', started_at: '2026-03-01T10:00:00Z' }
const starts = (name: string): AgentStatusUpdate => ({ agent: name, status: 'running', running: [run], last_seen: '2026-03-01T10:00:00Z' })
const stops = (name: string): AgentStatusUpdate => ({ agent: name, status: 'idle', running: [], last_seen: '2026-03-01T10:05:00Z' })
const list = (...items: Agent[]): AgentList => ({ items, categories: ['Backend'], problems: [] })

describe('patchAgentList', () => {
  it('puts the new state on the card and moves it where the server would', () => {
    const before = list(agent('b', 'running'), agent('a'), agent('c'))
    const after = patchAgentList(before, starts('a'))
    expect(after.items.map((a) => [a.name, a.status])).toEqual([
      ['a', 'running'],
      ['b', 'running'],
      ['c', 'idle'],
    ])
    expect(after.items[0]).toMatchObject({ running: [run], last_seen: '2026-03-01T10:00:00Z' })
    expect(after.categories).toEqual(['Backend'])
    // Everything else about the agent stays.
    expect(after.items[0]!.origins).toEqual(['file'])
  })

  it('drops an agent that no longer matches the status filter', () => {
    const running = list(agent('a', 'running'), agent('b', 'running'))
    expect(patchAgentList(running, stops('a'), { status: 'running' }).items.map((a) => a.name)).toEqual(['b'])
    expect(patchAgentList(running, stops('a')).items.map((a) => a.name)).toEqual(['b', 'a'])
  })

  it('leaves a list without the agent as it is', () => {
    const before = list(agent('a'))
    expect(patchAgentList(before, starts('zed'))).toBe(before)
  })
})

describe('listMayMissAgent', () => {
  const before = list(agent('a'))
  it('asks again when an unfiltered list lacks the agent, or its state now matches', () => {
    expect(listMayMissAgent(before, starts('new'))).toBe(true)
    expect(listMayMissAgent(before, starts('new'), { status: 'running' })).toBe(true)
  })

  it('does not when the list has it, or could not contain it', () => {
    expect(listMayMissAgent(before, starts('a'))).toBe(false)
    expect(listMayMissAgent(before, starts('new'), { status: 'idle' })).toBe(false)
    expect(listMayMissAgent(before, starts('new'), { q: 'api' })).toBe(false)
    expect(listMayMissAgent(before, starts('new'), { category: 'Backend' })).toBe(false)
  })
})

describe('patchAgentDetail', () => {
  it('updates the page of that agent only', () => {
    const detail = { ...agent('a'), prompt: null, extra: {}, registry_extra: {}, shadowed: [], recent: [], config: { agent: 'a', source: 'builtin', config: {} } } satisfies AgentDetail
    expect(patchAgentDetail(detail, starts('a'))).toMatchObject({ status: 'running', running: [run] })
    expect(patchAgentDetail(detail, starts('b'))).toBe(detail)
  })
})

describe('sortCatalog', () => {
  it('orders running first, then by name as the server does', () => {
    expect(sortCatalog([agent('b'), agent('B'), agent('a', 'running')]).map((a) => a.name)).toEqual(['a', 'B', 'b'])
  })
})
