import { queryOptions, useQuery } from '@tanstack/react-query'

import { unwrap } from '@/lib/api-client'

import { agentsApi } from './client'

export function getAgentConfigSchema(signal?: AbortSignal) {
  return unwrap(agentsApi.GET('/api/schemas/agent-config', { signal }))
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
