import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getSystemHealth(signal?: AbortSignal) {
  return unwrap(api.GET('/api/system/health', { signal }))
}

export function getSystemHealthQueryOptions() {
  return queryOptions({
    queryKey: ['system', 'health'],
    queryFn: ({ signal }) => getSystemHealth(signal),
  })
}

/** The socket pushes a new sample every 5 s while the dashboard is open (see use-dashboard-live). */
export function useSystemHealth() {
  return useQuery(getSystemHealthQueryOptions())
}
