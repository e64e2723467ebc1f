import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import type { AgentConfigView } from './types'

export function getAgentConfig(name: string, projectId: string | null, signal?: AbortSignal) {
  const query = projectId ? { project_id: projectId } : {}
  return unwrap(api.GET('/api/agents/{name}/config', { params: { path: { name }, query }, signal }))
}

/** `projectId` null is the agent's default; a project's id is that project's override. */
export function getAgentConfigQueryOptions(name: string, projectId?: string | null) {
  return queryOptions({
    queryKey: projectId === undefined ? ['agents', 'config', name] : ['agents', 'config', name, projectId ?? 'default'],
    queryFn: ({ signal }) => getAgentConfig(name, projectId ?? null, signal),
  })
}

/** `initial` is the default scope's view the agent's detail already carries, shown without a second request. */
export function useAgentConfig(name: string, projectId: string | null, initial?: AgentConfigView) {
  return useQuery({ ...getAgentConfigQueryOptions(name, projectId), initialData: projectId === null ? initial : undefined })
}
