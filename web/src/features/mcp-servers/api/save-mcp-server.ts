import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiRequest, segment } from '@/lib/api-request'

import { withoutServer } from '../lib/live'
import { configOf } from '../lib/server-form'
import { mcpKeys } from './keys'
import type { McpServer, McpServerBody, McpServerList, McpServerRef } from './types'

export function createMcpServer(body: McpServerBody) {
  return apiRequest<McpServer>('POST', '/api/mcp-servers', { body })
}

/** The name and project say which server (they cannot change); the body is its configuration. */
export function updateMcpServer({ ref, body }: { ref: McpServerRef; body: McpServerBody }) {
  return apiRequest<McpServer>('PUT', `/api/mcp-servers/${segment(ref.name)}`, { query: { project_id: ref.project_id }, body: configOf(body) })
}

export function deleteMcpServer(ref: McpServerRef) {
  return apiRequest<void>('DELETE', `/api/mcp-servers/${segment(ref.name)}`, { query: { project_id: ref.project_id } })
}

function useInvalidateAll() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: mcpKeys.all })
}

export function useCreateMcpServer() {
  const invalidate = useInvalidateAll()
  return useMutation({ mutationFn: createMcpServer, onSuccess: invalidate })
}

export function useUpdateMcpServer() {
  const invalidate = useInvalidateAll()
  return useMutation({ mutationFn: updateMcpServer, onSuccess: invalidate })
}

export function useDeleteMcpServer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteMcpServer,
    onSuccess: (_data, ref) => {
      // Drop it at once: reading its history again would only answer 404.
      for (const [key, list] of queryClient.getQueriesData<McpServerList>({ queryKey: mcpKeys.lists() })) {
        if (list) queryClient.setQueryData(key, withoutServer(list, ref))
      }
      queryClient.removeQueries({ queryKey: mcpKeys.history(ref) })
      return queryClient.invalidateQueries({ queryKey: mcpKeys.lists() })
    },
  })
}
