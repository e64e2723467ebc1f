import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getAgentsStatus(signal?: AbortSignal) {
  return unwrap(api.GET('/api/agents/status', { signal }))
}

export function getAgentsStatusQueryOptions() {
  return queryOptions({
    queryKey: ['agents', 'status'],
    queryFn: ({ signal }) => getAgentsStatus(signal),
  })
}

/** Kept current by `agent:status` events (see use-dashboard-live). */
export function useAgentsStatus() {
  return useQuery(getAgentsStatusQueryOptions())
}
