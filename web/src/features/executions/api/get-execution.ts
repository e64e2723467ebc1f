import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'
import { useRealtimeStatus, useSubscription } from '@/lib/realtime'

import { isActive } from '../lib/status'
import { FALLBACK_POLL_MS } from './get-executions'

export function getExecution(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/executions/{id}', { params: { path: { id } }, signal }))
}

export function getExecutionQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['executions', 'detail', id],
    queryFn: ({ signal }) => getExecution(id, signal),
  })
}

/**
 * One execution, kept current by socket events (see use-live-executions-cache); it is polled
 * only while the socket is down and the execution still runs.
 */
export function useExecution(id: string) {
  useSubscription(id ? { kind: 'execution', id } : null)
  const offline = useRealtimeStatus() !== 'connected'
  return useQuery({
    ...getExecutionQueryOptions(id),
    refetchInterval: (query) => (offline && query.state.data && isActive(query.state.data.status) ? FALLBACK_POLL_MS : false),
  })
}
