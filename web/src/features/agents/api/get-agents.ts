import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import type { AgentsParams } from './types'

export function getAgents(params: AgentsParams, signal?: AbortSignal) {
  return unwrap(api.GET('/api/agents', { params: { query: params }, signal }))
}

/** Without params the key is the prefix of every list query, which is what live updates touch. */
export function getAgentsQueryOptions(params?: AgentsParams) {
  return queryOptions({
    queryKey: params ? ['agents', 'list', params] : ['agents', 'list'],
    queryFn: ({ signal }) => getAgents(params ?? {}, signal),
  })
}

/** The catalog, kept current by socket events (see use-live-agents). */
export function useAgents(params: AgentsParams) {
  // A new search keeps the current cards (dimmed) until its answer arrives.
  return useQuery({ ...getAgentsQueryOptions(params), placeholderData: keepPreviousData })
}
