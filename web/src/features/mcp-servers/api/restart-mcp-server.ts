import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiRequest, segment } from '@/lib/api-request'

import { mcpKeys } from './keys'
import type { McpRestartResult, McpServerRef } from './types'

export function restartMcpServer(ref: McpServerRef) {
  return apiRequest<McpRestartResult>('POST', `/api/mcp-servers/${segment(ref.name)}/restart`, { query: { project_id: ref.project_id } })
}

export function useRestartMcpServer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: restartMcpServer,
    onSuccess: (_result, ref) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mcpKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: mcpKeys.history(ref) }),
      ]),
  })
}
