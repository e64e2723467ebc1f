import { useQueryClient } from '@tanstack/react-query'

import { useSocketEvent, useSubscription } from '@/lib/realtime'

import { mcpKeys } from '../api/keys'
import type { McpCheckResult, McpServerList } from '../api/types'
import { patchServerList } from '../lib/live'

/**
 * Keeps the MCP lists current from the `global` room: `mcp:status` (a server went down or came
 * back) patches the cached lists at once, then they and the server's history are read again for
 * what the event does not carry (tools, sparkline).
 */
export function useLiveMcp() {
  const queryClient = useQueryClient()
  useSubscription({ kind: 'global' })
  useSocketEvent('mcp:status', ({ seq: _seq, at: _at, ...payload }) => {
    const event = { ...payload, check: payload.check as McpCheckResult }
    for (const [key, list] of queryClient.getQueriesData<McpServerList>({ queryKey: mcpKeys.lists() })) {
      if (list) queryClient.setQueryData(key, patchServerList(list, event))
    }
    void queryClient.invalidateQueries({ queryKey: mcpKeys.lists() })
    void queryClient.invalidateQueries({ queryKey: mcpKeys.history({ name: event.name, project_id: event.project_id }) })
  })
}
