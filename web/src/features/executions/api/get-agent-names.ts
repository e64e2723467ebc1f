import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import type { AgentStatus } from './types'

type AgentStatusList = { agents: AgentStatus[] }

/** `GET /api/agents/status` (issue 5): not in the generated schema yet, so called untyped. */
export function getAgentsStatus(signal?: AbortSignal) {
  const get = api.GET as unknown as (path: string, init: { signal?: AbortSignal }) => ReturnType<typeof api.GET>
  return unwrap(get('/api/agents/status', { signal })) as Promise<AgentStatusList>
}

/** The same key the dashboard uses: one cache entry, kept current by `agent:status` events there. */
export function getAgentsStatusQueryOptions() {
  return queryOptions({
    queryKey: ['agents', 'status'],
    queryFn: ({ signal }) => getAgentsStatus(signal),
  })
}

/** Names of the agents that have run, sorted, for the agent filter. */
export function useAgentNames() {
  return useQuery({
    ...getAgentsStatusQueryOptions(),
    select: (data) => data.agents.map((a) => a.agent).sort((a, b) => a.localeCompare(b)),
  })
}
