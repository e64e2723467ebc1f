import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getAgentConfigSchema(signal?: AbortSignal) {
  return unwrap(api.GET('/api/schemas/{name}', { params: { path: { name: 'agent-config' } }, signal }))
}

export function getAgentConfigSchemaQueryOptions() {
  return queryOptions({
    queryKey: ['schemas', 'agent-config'],
    queryFn: ({ signal }) => getAgentConfigSchema(signal),
    // It changes only with the server's version.
    staleTime: Infinity,
  })
}

/** The JSON Schema of AgentConfig, for the editor's completion and checks. */
export function useAgentConfigSchema() {
  return useQuery(getAgentConfigSchemaQueryOptions())
}
