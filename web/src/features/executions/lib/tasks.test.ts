import { describe, expect, it } from 'vitest'

import type { TaskAttempt } from '../api/types'
import { groupAttempts, groupTotals } from './tasks'

function attempt(taskId: string, n: number, extra: Partial<TaskAttempt> = {}): TaskAttempt {
  return {
    id: `${taskId}-${n}`,
    task_id: taskId,
    agent: 'backend-expert',
    status: 'completed',
    attempt: n,
    depends_on: [],
    prompt: '',
    input_tokens: 100,
    output_tokens: 10,
    cost_usd: 0.01,
    ...extra,
  }
}

describe('groupAttempts', () => {
  it('keeps plan order and puts retries under their task, latest attempt first', () => {
    const groups = groupAttempts([
      attempt('a', 1),
      attempt('flaky', 2, { status: 'completed' }),
      attempt('b', 1),
      attempt('flaky', 1, { status: 'failed' }),
    ])
    expect(groups.map((g) => g.taskId)).toEqual(['a', 'flaky', 'b'])
    const flaky = groups[1]!
    expect(flaky.attempts).toBe(2)
    expect(flaky.latest.attempt).toBe(2)
    expect(flaky.latest.status).toBe('completed')
    expect(flaky.earlier.map((a) => a.status)).toEqual(['failed'])
  })
  it('sums tokens and cost over every attempt', () => {
    const [group] = groupAttempts([attempt('x', 1), attempt('x', 2), attempt('x', 3)])
    const totals = groupTotals(group!)
    expect(totals.inputTokens).toBe(300)
    expect(totals.outputTokens).toBe(30)
    expect(totals.costUsd).toBeCloseTo(0.03)
  })
  it('handles no attempts', () => {
    expect(groupAttempts([])).toEqual([])
  })
})
