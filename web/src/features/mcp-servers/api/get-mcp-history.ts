import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiRequest, segment } from '@/lib/api-request'

import { mcpKeys } from './keys'
import type { McpHistory, McpServerRef } from './types'

/** Checks kept for a sparkline. */
export const HISTORY_LIMIT = 30

export function getMcpHistory(ref: McpServerRef, signal?: AbortSignal) {
  return apiRequest<McpHistory>('GET', `/api/mcp-servers/${segment(ref.name)}/history`, {
    query: { project_id: ref.project_id, limit: HISTORY_LIMIT },
    signal,
  })
}

export function getMcpHistoryQueryOptions(ref: McpServerRef) {
  return queryOptions({
    queryKey: mcpKeys.history(ref),
    queryFn: ({ signal }) => getMcpHistory(ref, signal),
    staleTime: 30_000,
  })
}

export function useMcpHistory(ref: McpServerRef) {
  return useQuery(getMcpHistoryQueryOptions(ref))
}
