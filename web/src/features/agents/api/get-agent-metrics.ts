import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import type { MetricsRange } from './types'

export function getAgentMetrics(name: string, range: MetricsRange, signal?: AbortSignal) {
  return unwrap(api.GET('/api/agents/{name}/metrics', { params: { path: { name }, query: { range } }, signal }))
}

/** Without a range the key is the prefix of every range of the agent; without a name, of every agent. */
export function getAgentMetricsQueryOptions(name?: string, range?: MetricsRange) {
  const key = ['agents', 'metrics', ...(name === undefined ? [] : [name]), ...(range === undefined ? [] : [range])]
  return queryOptions({
    queryKey: key,
    queryFn: ({ signal }) => getAgentMetrics(name ?? '', range ?? '24h', signal),
  })
}

export function useAgentMetrics(name: string, range: MetricsRange) {
  // Switching range keeps the old charts (dimmed) until the new series arrives.
  return useQuery({ ...getAgentMetricsQueryOptions(name, range), placeholderData: keepPreviousData })
}
