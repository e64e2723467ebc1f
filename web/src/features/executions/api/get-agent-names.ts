import { useQuery } from '@tanstack/react-query'

import { getAgentsStatusQueryOptions } from '@/lib/agents-status'

/** Names of the agents that have run, sorted, for the agent filter (the dashboard's cache entry). */
export function useAgentNames() {
  return useQuery({
    ...getAgentsStatusQueryOptions(),
    select: (data) => data.agents.map((a) => a.agent).sort((a, b) => a.localeCompare(b)),
  })
}
