import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getAgent(name: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/agents/{name}', { params: { path: { name } }, signal }))
}

export function getAgentQueryOptions(name: string) {
  return queryOptions({
    queryKey: ['agents', 'detail', name],
    queryFn: ({ signal }) => getAgent(name, signal),
  })
}

/** One agent with its prompt, recent tasks and configuration; 404 when Baton knows no such agent. */
export function useAgent(name: string) {
  return useQuery(getAgentQueryOptions(name))
}
