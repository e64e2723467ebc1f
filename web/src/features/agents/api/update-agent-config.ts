import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getAgentQueryOptions } from './get-agent'
import { getAgentConfigQueryOptions } from './get-agent-config'
import type { AgentConfig } from './types'

/** Saves the agent's default (`projectId` null) or a project's override; 422 carries per-field errors. */
export function updateAgentConfig({ name, projectId, config }: { name: string; projectId: string | null; config: AgentConfig }) {
  const query = projectId ? { project_id: projectId } : {}
  return unwrap(api.PUT('/api/agents/{name}/config', { params: { path: { name }, query }, body: config }))
}

export function useUpdateAgentConfig() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateAgentConfig,
    onSuccess: (view, { name, projectId }) => {
      queryClient.setQueryData(getAgentConfigQueryOptions(name, projectId).queryKey, view)
      // The detail carries the default scope's view; other scopes may inherit what changed.
      void queryClient.invalidateQueries({ queryKey: getAgentConfigQueryOptions(name).queryKey })
      return queryClient.invalidateQueries({ queryKey: getAgentQueryOptions(name).queryKey })
    },
  })
}
