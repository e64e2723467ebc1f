import { describe, expect, it } from 'vitest'

import { computeProgress, hasKnownTaskTotal, isActive, summarizeTasks } from './status'

const zero = { tasks: 0, completed: 0, failed: 0, timed_out: 0, cancelled: 0, skipped: 0 }

describe('computeProgress', () => {
  it('counts every finished task and splits the bar by outcome', () => {
    const progress = computeProgress({ ...zero, tasks: 8, completed: 4, failed: 1, timed_out: 1, skipped: 1 })
    expect(progress.finished).toBe(7)
    expect(progress.percent).toBe(87.5)
    expect(progress.segments).toEqual([
      { key: 'completed', count: 4, percent: 50 },
      { key: 'failed', count: 2, percent: 25 },
      { key: 'stopped', count: 1, percent: 12.5 },
    ])
  })
  it('is empty, not NaN, without tasks', () => {
    const progress = computeProgress(zero)
    expect(progress.percent).toBe(0)
    expect(progress.segments).toEqual([])
  })
  it('rounds to one decimal', () => {
    expect(computeProgress({ ...zero, tasks: 7, completed: 3 }).percent).toBe(42.9)
  })
})

describe('isActive', () => {
  it('is true only while queued or running', () => {
    expect(isActive('queued')).toBe(true)
    expect(isActive('running')).toBe(true)
    expect(isActive('completed')).toBe(false)
    expect(isActive('interrupted')).toBe(false)
  })
})

describe('hasKnownTaskTotal', () => {
  it('is false only for a Claude Code session, whose subagents add tasks as they start', () => {
    expect(hasKnownTaskTotal({ kind: 'session' })).toBe(false)
    expect(hasKnownTaskTotal({ kind: 'plan' })).toBe(true)
    expect(hasKnownTaskTotal({ kind: 'agent' })).toBe(true)
    expect(hasKnownTaskTotal({ kind: 'orchestrator' })).toBe(true)
  })
})

describe('summarizeTasks', () => {
  const none = { tasks: 0, running: 0, failed: 0, timed_out: 0 }
  it('counts the tasks and those running', () => {
    expect(summarizeTasks({ ...none, tasks: 2, running: 1 })).toBe('2 tasks · 1 running')
  })
  it('says one task, not one tasks, and leaves out what is zero', () => {
    expect(summarizeTasks({ ...none, tasks: 1 })).toBe('1 task')
  })
  it('adds failed and timed-out tasks together', () => {
    expect(summarizeTasks({ tasks: 4, running: 2, failed: 1, timed_out: 1 })).toBe('4 tasks · 2 running · 2 failed')
  })
})
