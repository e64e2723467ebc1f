import { api, unwrap } from '@/lib/api-client'

import type { LogsParams } from './types'

/**
 * One page of an execution's log, after `after_seq`. The live view reads it through
 * `useLiveLogs` (lib/realtime), which merges it with the socket's frames; "Download" pages it.
 */
export function getExecutionLogs(id: string, params: LogsParams, signal?: AbortSignal) {
  return unwrap(api.GET('/api/executions/{id}/logs', { params: { path: { id }, query: params }, signal }))
}
