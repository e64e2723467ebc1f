import { describe, expect, it } from 'vitest'

import type { ExecutionDetail, ExecutionPage, ExecutionSummary, TaskAttempt } from '../api/types'
import { matchesFilters, patchExecutionDetail, patchExecutionPage, renameProjectInPage, upsertAttempt } from './live-cache'

const totals = { tasks: 3, completed: 0, failed: 0, timed_out: 0, cancelled: 0, skipped: 0, pending: 3, running: 0, attempts: 0 }

function summary(id: string, extra: Partial<ExecutionSummary> = {}): ExecutionSummary {
  return {
    id,
    name: `run ${id}`,
    kind: 'plan',
    source: 'baton',
    status: 'running',
    cost_usd: 0,
    input_tokens: 0,
    output_tokens: 0,
    project_id: 'p1',
    project_name: 'Shop',
    created_at: '2026-03-01T10:00:00Z',
    totals,
    ...extra,
  }
}

function attempt(id: string, taskId: string, extra: Partial<TaskAttempt> = {}): TaskAttempt {
  return { id, task_id: taskId, agent: 'a', attempt: 1, status: 'pending', depends_on: [], prompt: '', cost_usd: 0, input_tokens: 0, output_tokens: 0, ...extra }
}

const page = (...items: ExecutionSummary[]): ExecutionPage => ({ items, next_cursor: null })

describe('patchExecutionPage', () => {
  it('updates a row in place, keeping the order', () => {
    const before = page(summary('a'), summary('b'))
    const patch = patchExecutionPage(before, {}, summary('b', { cost_usd: 0.5, totals: { ...totals, completed: 1 } }), false)
    expect(patch.kind).toBe('set')
    if (patch.kind !== 'set') return
    expect(patch.page.items.map((e) => e.id)).toEqual(['a', 'b'])
    expect(patch.page.items[1]).toMatchObject({ cost_usd: 0.5, totals: { completed: 1 } })
    expect(patch.page.items[0]).toBe(before.items[0])
  })

  it('drops an ended execution from the active list, and asks a status-filtered list again', () => {
    const ended = summary('a', { status: 'completed' })
    const active = patchExecutionPage(page(summary('a'), summary('b')), { active: true }, ended, true)
    expect(active.kind === 'set' && active.page.items.map((e) => e.id)).toEqual(['b'])
    expect(patchExecutionPage(page(summary('a')), { status: 'running' }, ended, true).kind).toBe('invalidate')
  })

  it('puts a started execution on top of the active list', () => {
    const patch = patchExecutionPage(page(summary('a')), { active: true, limit: 100 }, summary('new', { status: 'queued' }), true)
    expect(patch.kind === 'set' && patch.page.items.map((e) => e.id)).toEqual(['new', 'a'])
  })

  it('asks the server when a new execution may belong on a first page, and leaves other pages alone', () => {
    const fresh = summary('new')
    expect(patchExecutionPage(page(summary('a')), {}, fresh, true).kind).toBe('invalidate')
    expect(patchExecutionPage(page(summary('a')), { q: 'shop' }, fresh, true).kind).toBe('invalidate')
    expect(patchExecutionPage(page(summary('a')), { cursor: 'c2' }, fresh, true).kind).toBe('keep')
    expect(patchExecutionPage(page(summary('a')), { project_id: 'other' }, fresh, true).kind).toBe('keep')
    // Progress of an execution the page does not show changes nothing on it…
    expect(patchExecutionPage(page(summary('a')), {}, fresh, false).kind).toBe('keep')
    // …unless the list is of the status it just reached and has room for it.
    expect(patchExecutionPage(page(summary('a')), { status: 'running', limit: 25 }, fresh, false).kind).toBe('invalidate')
    expect(patchExecutionPage(page(summary('a')), { status: 'running', limit: 1 }, fresh, false).kind).toBe('keep')
  })

  it('does not let a late event bring an ended execution back to running', () => {
    const patch = patchExecutionPage(page(summary('a', { status: 'completed' })), {}, summary('a', { status: 'running' }), false)
    expect(patch.kind).toBe('keep')
  })
})

describe('matchesFilters', () => {
  it('decides what it can and leaves search and agent to the server', () => {
    const e = summary('a', { created_at: '2026-03-01T10:00:00Z' })
    expect(matchesFilters({ since: '2026-03-01T00:00:00Z', until: '2026-03-02T00:00:00Z' }, e)).toBe(true)
    expect(matchesFilters({ until: '2026-03-01T10:00:00Z' }, e)).toBe(false)
    expect(matchesFilters({ agent: 'backend-expert' }, e)).toBeNull()
    expect(matchesFilters({ project_id: 'p1', status: 'running', active: true }, e)).toBe(true)
  })
})

describe('patchExecutionDetail', () => {
  const detail: ExecutionDetail = {
    ...summary('a'),
    tasks: [attempt('a1', 'plan'), attempt('b1', 'build'), attempt('c1', 'ship')],
  }

  it('takes the summary and replaces the attempt that changed', () => {
    const next = patchExecutionDetail(detail, summary('a', { cost_usd: 1 }), attempt('b1', 'build', { status: 'running' }))
    expect(next.cost_usd).toBe(1)
    expect(next.tasks.map((t) => t.status)).toEqual(['pending', 'running', 'pending'])
    expect(next.tasks[0]).toBe(detail.tasks[0])
  })

  it('puts a retry right after the earlier attempts of its task', () => {
    const tasks = upsertAttempt(detail.tasks, attempt('b2', 'build', { attempt: 2, status: 'running' }))
    expect(tasks.map((t) => t.id)).toEqual(['a1', 'b1', 'b2', 'c1'])
  })

  it('ignores a late event for an execution that ended', () => {
    const ended = { ...detail, status: 'cancelled' as const }
    expect(patchExecutionDetail(ended, summary('a', { status: 'running' }))).toBe(ended)
  })
})

describe('renameProjectInPage', () => {
  it('renames the rows of the project only, and keeps the page when nothing changes', () => {
    const before = page(summary('a'), summary('b', { project_id: 'p2', project_name: 'Other' }))
    const after = renameProjectInPage(before, 'p1', 'Store')
    expect(after.items.map((e) => e.project_name)).toEqual(['Store', 'Other'])
    expect(renameProjectInPage(after, 'p1', 'Store')).toBe(after)
  })
})
