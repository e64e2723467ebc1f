import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { isActive } from '../lib/status'

/** How often a queued or running execution is asked for again (live updates over a socket come later). */
export const DETAIL_POLL_MS = 1000

export function getExecution(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/executions/{id}', { params: { path: { id } }, signal }))
}

export function getExecutionQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['executions', 'detail', id],
    queryFn: ({ signal }) => getExecution(id, signal),
  })
}

export function useExecution(id: string) {
  return useQuery({
    ...getExecutionQueryOptions(id),
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? DETAIL_POLL_MS : false),
  })
}
