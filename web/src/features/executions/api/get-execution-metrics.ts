import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { LIST_POLL_MS } from './get-executions'

export function getExecutionMetrics(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/executions/{id}/metrics', { params: { path: { id } }, signal }))
}

export function getExecutionMetricsQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['executions', 'metrics', id],
    queryFn: ({ signal }) => getExecutionMetrics(id, signal),
  })
}

/** Task totals for a row of the list (the list itself has none); polled while the execution runs. */
export function useExecutionMetrics(id: string, { live }: { live: boolean }) {
  return useQuery({
    ...getExecutionMetricsQueryOptions(id),
    // An ended execution never changes again.
    staleTime: live ? 0 : Infinity,
    refetchInterval: live ? LIST_POLL_MS : false,
  })
}
