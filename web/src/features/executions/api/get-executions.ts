import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { isActive } from '../lib/status'
import type { ExecutionPage, ExecutionsParams } from './types'

export const EXECUTIONS_PAGE_SIZE = 25
/** While something on the page runs, the list asks again this often. */
export const LIST_POLL_MS = 2000

export function getExecutions(params: ExecutionsParams, signal?: AbortSignal) {
  return unwrap(api.GET('/api/executions', { params: { query: params }, signal }))
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

export function useExecutions(params: ExecutionsParams) {
  return useQuery({
    ...getExecutionsQueryOptions(params),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (hasActive(query.state.data) ? LIST_POLL_MS : false),
  })
}

export const RECENT_EXECUTIONS = 10

/** A project's latest executions (its page, and whether Stop has anything to stop). */
export function useRecentExecutions(projectId: string) {
  return useQuery({
    ...getExecutionsQueryOptions({ project_id: projectId, limit: RECENT_EXECUTIONS }),
    refetchInterval: (query) => (hasActive(query.state.data) ? LIST_POLL_MS : false),
  })
}
