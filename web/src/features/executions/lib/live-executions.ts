import { notifyManager, type Query, type QueryCacheNotifyEvent, type QueryClient, type QueryKey } from '@tanstack/react-query'

import type { ExecutionDetail, ExecutionPage, ExecutionsParams, ExecutionSummary, TaskAttempt } from '../api/types'
import { patchExecutionDetail, patchExecutionPage, renameProjectInPage } from './live-cache'

/** Lists to ask again are collected this long: a burst of events costs one request per list. */
const INVALIDATE_AFTER_MS = 250
/**
 * Events arriving together are applied together: a run reporting hundreds of changes a second
 * costs each cached query one write, and the page one render, per batch.
 */
const BATCH_MS = 50
/** Events are remembered this long, to be applied again to responses that were on their way meanwhile. */
const REMEMBER_MS = 120_000
const REMEMBER_MAX = 2000

/** One lifecycle event, as the cache needs it. */
export type Change = {
  receivedAt: number
  execution: ExecutionSummary
  task?: TaskAttempt
  /** A start or an end: lists may gain or lose it. */
  membershipMayChange: boolean
  /** The end: worth one more read of the execution's page. */
  ended: boolean
}

type AnyQuery = Query<unknown, Error, unknown, QueryKey>

export type LiveExecutionsOptions = {
  /** Runs `flush` when the events received so far should be applied (by default, BATCH_MS later). */
  schedule?: (flush: () => void) => void
}

const afterBatchWindow = (flush: () => void) => void setTimeout(flush, BATCH_MS)

/**
 * The cache side of the live executions: applies each event to every cached list and execution
 * page, and — because a response that was on its way when an event arrived shows the world from
 * before it — applies the events that arrived during a fetch again to what that fetch returns.
 */
export function createLiveExecutions(queryClient: QueryClient, { schedule = afterBatchWindow }: LiveExecutionsOptions = {}) {
  const cache = queryClient.getQueryCache()
  const recent: Change[] = []
  const pending: Change[] = []
  let flushScheduled = false
  const fetchStarted = new Map<string, number>()
  const due = new Map<string, QueryKey>()
  let timer: ReturnType<typeof setTimeout> | undefined
  /** True while this module writes a detail, so its own write is not taken for a seed. */
  let applying = false

  const invalidateSoon = (queryKey: QueryKey) => {
    due.set(JSON.stringify(queryKey), queryKey)
    timer ??= setTimeout(() => {
      timer = undefined
      const keys = [...due.values()]
      due.clear()
      for (const key of keys) void queryClient.invalidateQueries({ queryKey: key, exact: true })
    }, INVALIDATE_AFTER_MS)
  }

  /** Applies changes, in order, to one cached query (a list page or an execution's page). */
  const applyTo = (query: AnyQuery, changes: Change[]) => {
    const [root, kind, arg] = query.queryKey
    if (root !== 'executions' || query.state.data === undefined) return
    if (kind === 'list') {
      const params = (arg ?? {}) as ExecutionsParams
      let page = query.state.data as ExecutionPage
      let invalidate = false
      for (const change of changes) {
        const patch = patchExecutionPage(page, params, change.execution, change.membershipMayChange)
        if (patch.kind === 'set') page = patch.page
        else if (patch.kind === 'invalidate') invalidate = true
      }
      if (page !== query.state.data) queryClient.setQueryData(query.queryKey, page)
      if (invalidate) invalidateSoon(query.queryKey)
    } else if (kind === 'detail') {
      const mine = changes.filter((change) => change.execution.id === arg)
      if (mine.length === 0) return
      const before = query.state.data as ExecutionDetail
      const after = mine.reduce((detail, change) => patchExecutionDetail(detail, change.execution, change.task), before)
      if (after !== before) {
        applying = true
        try {
          queryClient.setQueryData(query.queryKey, after)
        } finally {
          applying = false
        }
      }
      // The end is worth one read: the final state of every task, the error, the totals, all at once.
      if (mine.some((change) => change.ended)) invalidateSoon(query.queryKey)
    }
  }

  const remember = (change: Change) => {
    recent.push(change)
    const oldest = change.receivedAt - REMEMBER_MS
    while (recent.length > REMEMBER_MAX || (recent[0] && recent[0].receivedAt < oldest)) recent.shift()
  }

  const onCacheEvent = (event: QueryCacheNotifyEvent) => {
    if (event.type !== 'updated' || event.query.queryKey[0] !== 'executions') return
    const { query, action } = event
    if (action.type === 'fetch') fetchStarted.set(query.queryHash, performance.now())
    else if (action.type === 'error') fetchStarted.delete(query.queryHash)
    else if (action.type === 'success' && action.manual && !applying && query.queryKey[1] === 'detail') {
      // An execution's page seeded by hand (the response to start or re-run) was built before
      // some of the events already received, which no query could take then: apply every event
      // of that execution, in order; each attempt ends in its latest state.
      const mine = recent.filter((change) => change.execution.id === query.queryKey[2])
      if (mine.length > 0) queueMicrotask(() => applyTo(query, mine))
    } else if (action.type === 'success' && !action.manual) {
      const since = fetchStarted.get(query.queryHash)
      fetchStarted.delete(query.queryHash)
      if (since === undefined) return
      const missed = recent.filter((change) => change.receivedAt >= since)
      // Not from inside the cache's own notification.
      if (missed.length > 0) queueMicrotask(() => applyTo(query, missed))
    }
  }

  const flush = () => {
    flushScheduled = false
    const changes = pending.splice(0)
    if (changes.length === 0) return
    // One notification of the cache's subscribers for the whole batch: one render.
    notifyManager.batch(() => {
      for (const query of cache.findAll({ queryKey: ['executions'] })) applyTo(query, changes)
    })
  }

  return {
    change(change: Omit<Change, 'receivedAt'>) {
      const full = { ...change, receivedAt: performance.now() }
      remember(full)
      pending.push(full)
      if (!flushScheduled) {
        flushScheduled = true
        schedule(flush)
      }
    },
    renameProject(projectId: string, name: string) {
      for (const [queryKey, page] of queryClient.getQueriesData<ExecutionPage>({ queryKey: ['executions', 'list'] })) {
        const next = page && renameProjectInPage(page, projectId, name)
        if (next && next !== page) queryClient.setQueryData(queryKey, next)
      }
      for (const [queryKey, detail] of queryClient.getQueriesData<ExecutionDetail>({ queryKey: ['executions', 'detail'] })) {
        if (detail?.project_id === projectId && detail.project_name !== name) {
          queryClient.setQueryData(queryKey, { ...detail, project_name: name })
        }
      }
    },
    start() {
      return cache.subscribe(onCacheEvent)
    },
    stop() {
      pending.length = 0
      clearTimeout(timer)
      timer = undefined
      due.clear()
    },
  }
}

export type LiveExecutions = ReturnType<typeof createLiveExecutions>
