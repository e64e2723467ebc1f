import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiRequest, segment } from '@/lib/api-request'

import { mcpKeys } from './keys'
import type { McpCheckResult, McpServerRef } from './types'

/** Runs a health check now; answers 200 with `ok: false` when the server is down. */
export function checkMcpServer(ref: McpServerRef) {
  return apiRequest<McpCheckResult>('GET', `/api/mcp-servers/${segment(ref.name)}/status`, { query: { project_id: ref.project_id } })
}

export function useCheckMcpServer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: checkMcpServer,
    onSuccess: (_check, ref) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mcpKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: mcpKeys.history(ref) }),
      ]),
  })
}
