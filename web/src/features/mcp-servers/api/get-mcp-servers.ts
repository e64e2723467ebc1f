import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiRequest } from '@/lib/api-request'

import { mcpKeys } from './keys'
import type { McpServerList } from './types'

export function getMcpServers(projectId: string | null, signal?: AbortSignal) {
  return apiRequest<McpServerList>('GET', '/api/mcp-servers', { query: { project_id: projectId }, signal })
}

export function getMcpServersQueryOptions(projectId: string | null) {
  return queryOptions({
    queryKey: mcpKeys.list(projectId),
    queryFn: ({ signal }) => getMcpServers(projectId, signal),
  })
}

export function useMcpServers(projectId: string | null) {
  return useQuery({ ...getMcpServersQueryOptions(projectId), placeholderData: keepPreviousData })
}
