import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'
import type { MetricsRange } from '@/lib/metrics-range'

export function getExecutionMetrics(range: MetricsRange, signal?: AbortSignal) {
  return unwrap(api.GET('/api/metrics/executions', { params: { query: { range } }, signal }))
}

/** Without a range the key is the prefix of every range, which is what live updates invalidate. */
export function getExecutionMetricsQueryOptions(range?: MetricsRange) {
  return queryOptions({
    queryKey: range ? ['metrics', 'executions', range] : ['metrics', 'executions'],
    queryFn: ({ signal }) => getExecutionMetrics(range ?? '24h', signal),
  })
}

export function useExecutionMetrics(range: MetricsRange) {
  // Switching range keeps the old charts (dimmed) until the new series arrives.
  return useQuery({ ...getExecutionMetricsQueryOptions(range), placeholderData: keepPreviousData })
}
