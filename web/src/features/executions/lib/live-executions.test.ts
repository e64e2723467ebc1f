import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { ExecutionDetail, ExecutionPage, ExecutionSummary, TaskAttempt } from '../api/types'
import { createLiveExecutions } from './live-executions'

const totals = { tasks: 2, completed: 0, failed: 0, timed_out: 0, cancelled: 0, skipped: 0, pending: 2, running: 0, attempts: 0 }

function summary(id: string, extra: Partial<ExecutionSummary> = {}): ExecutionSummary {
  return { id, name: id, kind: 'plan', source: 'baton', status: 'running', cost_usd: 0, input_tokens: 0, output_tokens: 0, totals, ...extra }
}

function attempt(taskId: string, status: TaskAttempt['status']): TaskAttempt {
  return { id: `${taskId}-1`, task_id: taskId, agent: 'a', attempt: 1, status, depends_on: [], prompt: '', cost_usd: 0, input_tokens: 0, output_tokens: 0 }
}

const activeKey = ['executions', 'list', { active: true, limit: 100 }]
const detailKey = (id: string) => ['executions', 'detail', id]

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  // Applied at once, so each step below sees its effect (production batches them: see the test of batching).
  const live = createLiveExecutions(queryClient, { schedule: (flush) => flush() })
  const stop = live.start()
  return { queryClient, live, stop }
}

/** A response the test releases when it wants: the server answered before the events arrived. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  vi.useRealTimers()
})

describe('createLiveExecutions', () => {
  it('patches cached lists and execution pages as events arrive', () => {
    const { queryClient, live, stop } = setup()
    cleanups.push(stop, live.stop)
    queryClient.setQueryData<ExecutionPage>(activeKey, { items: [summary('a')], next_cursor: null })
    queryClient.setQueryData<ExecutionDetail>(detailKey('a'), { ...summary('a'), tasks: [attempt('x', 'pending')] })

    live.change({ execution: summary('b', { status: 'queued' }), membershipMayChange: true, ended: false })
    live.change({ execution: summary('a', { cost_usd: 0.5 }), task: attempt('x', 'running'), membershipMayChange: false, ended: false })

    expect(queryClient.getQueryData<ExecutionPage>(activeKey)?.items.map((e) => [e.id, e.cost_usd])).toEqual([
      ['b', 0],
      ['a', 0.5],
    ])
    expect(queryClient.getQueryData<ExecutionDetail>(detailKey('a'))?.tasks[0]?.status).toBe('running')
  })

  it('applies a burst of events in one write per query, in order, when the batch is flushed', () => {
    const queryClient = new QueryClient()
    const flushes: (() => void)[] = []
    const live = createLiveExecutions(queryClient, { schedule: (flush) => flushes.push(flush) })
    cleanups.push(live.start(), live.stop)
    queryClient.setQueryData<ExecutionDetail>(detailKey('a'), { ...summary('a'), tasks: [attempt('x', 'pending')] })
    const writes = vi.fn()
    cleanups.push(queryClient.getQueryCache().subscribe((event) => event.type === 'updated' && writes()))

    live.change({ execution: summary('a'), task: attempt('x', 'running'), membershipMayChange: false, ended: false })
    live.change({ execution: summary('a', { cost_usd: 0.2 }), task: attempt('x', 'completed'), membershipMayChange: false, ended: false })
    live.change({ execution: summary('a', { cost_usd: 0.3 }), membershipMayChange: false, ended: false })

    expect(flushes).toHaveLength(1)
    expect(queryClient.getQueryData<ExecutionDetail>(detailKey('a'))?.tasks[0]?.status).toBe('pending')
    flushes[0]!()
    const detail = queryClient.getQueryData<ExecutionDetail>(detailKey('a'))
    expect([detail?.tasks[0]?.status, detail?.cost_usd, writes.mock.calls.length]).toEqual(['completed', 0.3, 1])
  })

  it('applies events that arrived before an execution page was seeded by hand (the start response)', async () => {
    const { queryClient, live, stop } = setup()
    cleanups.push(stop, live.stop)
    // The run's first task starts and ends before the start request's response arrives.
    live.change({ execution: summary('a'), task: attempt('x', 'running'), membershipMayChange: false, ended: false })
    live.change({ execution: summary('a'), task: attempt('x', 'completed'), membershipMayChange: false, ended: false })
    queryClient.setQueryData<ExecutionDetail>(detailKey('a'), { ...summary('a'), tasks: [attempt('x', 'pending'), attempt('y', 'pending')] })
    await Promise.resolve()

    const tasks = queryClient.getQueryData<ExecutionDetail>(detailKey('a'))?.tasks.map((t) => [t.task_id, t.status])
    expect(tasks).toEqual([
      ['x', 'completed'],
      ['y', 'pending'],
    ])
  })

  it('applies events that arrived during a fetch to what the fetch returns', async () => {
    const { queryClient, live, stop } = setup()
    cleanups.push(stop, live.stop)
    const list = deferred<ExecutionPage>()
    const detail = deferred<ExecutionDetail>()
    const listFetch = queryClient.fetchQuery({ queryKey: activeKey, queryFn: () => list.promise })
    const detailFetch = queryClient.fetchQuery({ queryKey: detailKey('a'), queryFn: () => detail.promise })

    // Nothing cached yet: the events can only be remembered.
    live.change({ execution: summary('new', { status: 'queued' }), membershipMayChange: true, ended: false })
    live.change({ execution: summary('a'), task: attempt('x', 'running'), membershipMayChange: false, ended: false })

    // The answers were read before those events happened.
    list.resolve({ items: [summary('a')], next_cursor: null })
    detail.resolve({ ...summary('a'), tasks: [attempt('x', 'pending')] })
    await Promise.all([listFetch, detailFetch])
    await Promise.resolve()

    expect(queryClient.getQueryData<ExecutionPage>(activeKey)?.items.map((e) => e.id)).toEqual(['new', 'a'])
    expect(queryClient.getQueryData<ExecutionDetail>(detailKey('a'))?.tasks[0]?.status).toBe('running')
  })

  it('does not apply again what came before a fetch started', async () => {
    const { queryClient, live, stop } = setup()
    cleanups.push(stop, live.stop)
    live.change({ execution: summary('old', { status: 'queued' }), membershipMayChange: true, ended: false })
    await queryClient.fetchQuery({ queryKey: activeKey, queryFn: async () => ({ items: [], next_cursor: null }) })
    await Promise.resolve()
    expect(queryClient.getQueryData<ExecutionPage>(activeKey)?.items).toEqual([])
  })

  it('reads an execution page once more when the execution ends, and a list it may have joined', async () => {
    vi.useFakeTimers()
    const { queryClient, live, stop } = setup()
    cleanups.push(stop, live.stop)
    const historyKey = ['executions', 'list', { limit: 25 }]
    queryClient.setQueryData<ExecutionPage>(historyKey, { items: [], next_cursor: null })
    queryClient.setQueryData<ExecutionDetail>(detailKey('a'), { ...summary('a'), tasks: [] })
    live.change({ execution: summary('a', { status: 'completed' }), membershipMayChange: true, ended: true })
    expect(queryClient.getQueryState(historyKey)?.isInvalidated).toBe(false)
    await vi.advanceTimersByTimeAsync(300)
    expect(queryClient.getQueryState(historyKey)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(detailKey('a'))?.isInvalidated).toBe(true)
    expect(queryClient.getQueryData<ExecutionDetail>(detailKey('a'))?.status).toBe('completed')
  })
})
