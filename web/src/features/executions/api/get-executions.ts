import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'
import { useRealtimeStatus } from '@/lib/realtime'

import { isActive } from '../lib/status'
import type { ExecutionPage, ExecutionsParams } from './types'

export const EXECUTIONS_PAGE_SIZE = 25
/** Everything queued or running fits one page; more than this at once is not something to watch row by row. */
export const ACTIVE_LIMIT = 100
/**
 * Socket events keep lists current; only while the socket is down are lists that may change
 * asked for again, this often.
 */
export const FALLBACK_POLL_MS = 5000

export function getExecutions(params: ExecutionsParams, signal?: AbortSignal) {
  return unwrap(api.GET('/api/executions', { params: { query: params }, signal })) as Promise<ExecutionPage>
}

/** Without params the key is the prefix of every list query, which is what mutations invalidate. */
export function getExecutionsQueryOptions(params?: ExecutionsParams) {
  return queryOptions({
    queryKey: params ? ['executions', 'list', params] : ['executions', 'list'],
    queryFn: ({ signal }) => getExecutions(params ?? {}, signal),
  })
}

export function hasActive(page: ExecutionPage | undefined): boolean {
  return page?.items.some((execution) => isActive(execution.status)) ?? false
}

/** Polls only without a socket, and only while something on the page may still change. */
function usePollWhileOffline(always = false) {
  const offline = useRealtimeStatus() !== 'connected'
  return (query: { state: { data: ExecutionPage | undefined } }) =>
    offline && (always || hasActive(query.state.data)) ? FALLBACK_POLL_MS : false
}

export function useExecutions(params: ExecutionsParams) {
  const refetchInterval = usePollWhileOffline()
  return useQuery({ ...getExecutionsQueryOptions(params), placeholderData: keepPreviousData, refetchInterval })
}

export const activeExecutionsParams: ExecutionsParams = { active: true, limit: ACTIVE_LIMIT }

/** Queued and running executions, newest first; socket events add, update and remove them. */
export function useActiveExecutions() {
  const refetchInterval = usePollWhileOffline(true)
  return useQuery({ ...getExecutionsQueryOptions(activeExecutionsParams), refetchInterval })
}

export const RECENT_EXECUTIONS = 10

/** A project's latest executions (its page, and whether Stop has anything to stop). */
export function useRecentExecutions(projectId: string) {
  const refetchInterval = usePollWhileOffline()
  return useQuery({ ...getExecutionsQueryOptions({ project_id: projectId, limit: RECENT_EXECUTIONS }), refetchInterval })
}
