import type { ExecutionDetail, ExecutionPage, ExecutionsParams, ExecutionSummary, TaskAttempt } from '../api/types'
import { isActive } from './status'

/**
 * How a lifecycle event changes cached responses. Pure: the hook that applies these reads and
 * writes the query cache, these decide.
 */

/** What to do with one cached list page. */
export type ListPatch = { kind: 'set'; page: ExecutionPage } | { kind: 'invalidate' } | { kind: 'keep' }

/** true / false when the filters decide it here, `null` when only the server can tell (search, agent). */
export function matchesFilters(params: ExecutionsParams, execution: ExecutionSummary): boolean | null {
  if (params.project_id && execution.project_id !== params.project_id) return false
  if (params.status && execution.status !== params.status) return false
  if (params.active && !isActive(execution.status)) return false
  const created = execution.created_at ? Date.parse(execution.created_at) : NaN
  if (params.since && !(created >= Date.parse(params.since))) return false
  if (params.until && !(created < Date.parse(params.until))) return false
  if (params.q || params.agent) return null
  return true
}

/** An execution that ended never runs again: an older event must not bring back "running". */
function isStale(current: { status: ExecutionSummary['status'] }, incoming: { status: ExecutionSummary['status'] }) {
  return !isActive(current.status) && isActive(incoming.status)
}

/**
 * One list page after an execution changed. A row on the page is updated in place (no re-sorting,
 * so nothing jumps under the pointer); a row that no longer belongs leaves the active list at once
 * and makes a filtered list ask the server. An execution the page does not have joins the active
 * list at the top; other lists ask the server when it may now belong on their first page.
 *
 * `membershipMayChange`: a start or an end. Progress of an execution a list does not show only
 * matters to a list of its (new) status.
 */
export function patchExecutionPage(
  page: ExecutionPage,
  params: ExecutionsParams,
  execution: ExecutionSummary,
  membershipMayChange: boolean,
): ListPatch {
  const index = page.items.findIndex((item) => item.id === execution.id)
  const matches = matchesFilters(params, execution)

  if (index >= 0) {
    const current = page.items[index]!
    if (isStale(current, execution)) return { kind: 'keep' }
    if (matches === false) {
      if (params.active) return { kind: 'set', page: { ...page, items: page.items.filter((item) => item.id !== execution.id) } }
      return { kind: 'invalidate' }
    }
    const items = [...page.items]
    items[index] = { ...current, ...execution }
    return { kind: 'set', page: { ...page, items } }
  }

  if (matches === false || params.cursor) return { kind: 'keep' }
  if (params.active && matches === true && isNewest(params)) {
    return { kind: 'set', page: { ...page, items: [execution, ...page.items] } }
  }
  if (membershipMayChange) return { kind: 'invalidate' }
  // A list of this status that is not full would show it: it just reached the status.
  const byStatus = Boolean(params.status || params.active)
  const full = params.limit !== undefined && page.items.length >= params.limit
  return byStatus && matches === true && !full ? { kind: 'invalidate' } : { kind: 'keep' }
}

function isNewest(params: ExecutionsParams) {
  return (params.sort ?? 'created_at') === 'created_at' && (params.order ?? 'desc') === 'desc'
}

/** The execution's page after an event: its summary fields, totals and the attempt that changed. */
export function patchExecutionDetail(detail: ExecutionDetail, execution: ExecutionSummary, task?: TaskAttempt): ExecutionDetail {
  if (isStale(detail, execution)) return detail
  const tasks = task ? upsertAttempt(detail.tasks, task) : detail.tasks
  return { ...detail, ...execution, plan: detail.plan, tasks }
}

/** Replaces the attempt with the same id, or adds a new one (a retry) after its task's others. */
export function upsertAttempt(attempts: TaskAttempt[], attempt: TaskAttempt): TaskAttempt[] {
  const index = attempts.findIndex((a) => a.id === attempt.id)
  if (index >= 0) {
    const next = [...attempts]
    next[index] = { ...attempts[index], ...attempt }
    return next
  }
  const lastOfTask = attempts.findLastIndex((a) => a.task_id === attempt.task_id)
  if (lastOfTask < 0) return [...attempts, attempt]
  return [...attempts.slice(0, lastOfTask + 1), attempt, ...attempts.slice(lastOfTask + 1)]
}

/** Lists show the project's name: a renamed project renames its rows. */
export function renameProjectInPage(page: ExecutionPage, projectId: string, name: string): ExecutionPage {
  if (!page.items.some((item) => item.project_id === projectId && item.project_name !== name)) return page
  return { ...page, items: page.items.map((item) => (item.project_id === projectId ? { ...item, project_name: name } : item)) }
}
