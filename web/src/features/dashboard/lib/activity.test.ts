import type { InfiniteData } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'

import type { ActivityItem, ActivityPage } from '../api/types'
import { activityDetail, activityKind, activitySource, flattenActivity, isRetry, prependActivity } from './activity'

function item(id: string, over: Partial<ActivityItem> = {}): ActivityItem {
  return {
    id,
    kind: 'task_completed',
    at: '2026-03-01T10:00:00Z',
    execution_id: 'e1',
    execution_kind: 'plan',
    execution_source: 'baton',
    execution_name: 'checkout-feature',
    project_id: 'p1',
    project_name: 'Shop',
    task_id: 'build',
    agent: 'backend-expert',
    attempt: 1,
    message: 'build completed',
    ...over,
  }
}

const pages = (...lists: string[][]): InfiniteData<ActivityPage> => ({
  pages: lists.map((ids) => ({ items: ids.map((id) => item(id)) })),
  pageParams: lists.map((_, i) => (i === 0 ? undefined : `cursor-${i}`)),
})

describe('prependActivity', () => {
  it('puts a new item in front of the first page', () => {
    const next = prependActivity(pages(['b', 'a'], ['z']), item('c'))
    expect(next?.pages.map((p) => p.items.map((i) => i.id))).toEqual([['c', 'b', 'a'], ['z']])
    expect(next?.pageParams).toEqual([undefined, 'cursor-1'])
  })

  it('ignores an item it already has, wherever it is', () => {
    const data = pages(['b', 'a'], ['z'])
    expect(prependActivity(data, item('z'))).toBe(data)
    expect(prependActivity(data, item('b'))).toBe(data)
  })

  it('leaves an unloaded feed alone', () => {
    expect(prependActivity(undefined, item('a'))).toBeUndefined()
  })
})

describe('flattenActivity', () => {
  it('joins pages in order and drops duplicates at page edges', () => {
    expect(flattenActivity(pages(['c', 'b'], ['b', 'a'])).map((i) => i.id)).toEqual(['c', 'b', 'a'])
    expect(flattenActivity(undefined)).toEqual([])
  })
})

describe('activity kinds', () => {
  it('labels known kinds and survives unknown ones', () => {
    expect(activityKind('execution_failed')).toEqual({ label: 'Execution failed', tone: 'danger' })
    expect(activityKind('agent_paused')).toEqual({ label: 'agent paused', tone: 'neutral' })
  })

  it('calls a later attempt of a task a retry', () => {
    expect(isRetry({ kind: 'task_started', attempt: 2 })).toBe(true)
    expect(isRetry({ kind: 'task_started', attempt: 1 })).toBe(false)
    expect(isRetry({ kind: 'task_started', attempt: null })).toBe(false)
    expect(isRetry({ kind: 'task_failed', attempt: 3 })).toBe(false)
  })
})

describe('activityDetail', () => {
  it('drops what the row already says', () => {
    expect(activityDetail(item('a', { kind: 'task_completed', message: 'build (backend-expert) completed in checkout-feature' }))).toBeNull()
    expect(activityDetail(item('a', { kind: 'execution_started', task_id: null, agent: null, message: 'checkout-feature started' }))).toBeNull()
    expect(
      activityDetail(item('a', { kind: 'task_started', attempt: 3, message: 'build (backend-expert) retried (attempt 3) in checkout-feature' })),
    ).toBeNull()
  })

  it('keeps the reason of a failure', () => {
    expect(
      activityDetail(item('a', { kind: 'task_failed', message: 'build (backend-expert) failed in checkout-feature: exit 2' })),
    ).toBe('exit 2')
    expect(
      activityDetail(item('a', { kind: 'execution_cancelled', task_id: null, agent: null, message: 'checkout-feature was cancelled: budget exceeded' })),
    ).toBe('budget exceeded')
  })

  it('shows a line it does not recognise as it is', () => {
    expect(activityDetail(item('a', { kind: 'task_failed', message: 'something else entirely' }))).toBe('something else entirely')
  })
})

describe('activitySource', () => {
  it('is the kind and source of the item’s execution', () => {
    expect(activitySource(item('a', { execution_kind: 'session', execution_source: 'hooks' }))).toEqual({ kind: 'session', source: 'hooks' })
    expect(activitySource(item('b'))).toEqual({ kind: 'plan', source: 'baton' })
  })
})
