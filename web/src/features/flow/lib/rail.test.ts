import { describe, expect, it } from 'vitest'

import type { ExecutionSummary } from '../api/types'
import { defaultExecution, railItems } from './rail'

function execution(id: string, status: ExecutionSummary['status'], created: number): ExecutionSummary {
  return {
    id,
    name: id,
    status,
    kind: 'plan',
    source: 'baton',
    created_at: new Date(Date.UTC(2026, 0, 1, 12, created)).toISOString(),
    cost_usd: 0,
    input_tokens: 0,
    output_tokens: 0,
    totals: { attempts: 0, cancelled: 0, completed: 0, failed: 0, pending: 0, running: 0, skipped: 0, tasks: 0, timed_out: 0 },
  }
}

describe('railItems', () => {
  it('lists running executions first (then queued), newest first, then the recent ones that ended, once each', () => {
    const recent = [execution('r3', 'running', 3), execution('c2', 'completed', 2), execution('f1', 'failed', 1)]
    const active = [execution('q4', 'queued', 4), execution('r3', 'running', 3), execution('r0', 'running', 0)]
    const rail = railItems(active, recent)
    expect(rail.live.map((e) => e.id)).toEqual(['r3', 'r0', 'q4'])
    expect(rail.ended.map((e) => e.id)).toEqual(['c2', 'f1'])
    expect(defaultExecution(rail)).toBe('r3')
  })

  it('moves an execution to the ended ones when the recent list says it ended', () => {
    const rail = railItems([], [execution('a', 'completed', 2)])
    expect(rail.live).toEqual([])
    expect(defaultExecution(rail)).toBe('a')
    expect(defaultExecution(railItems(undefined, undefined))).toBeNull()
  })
})
