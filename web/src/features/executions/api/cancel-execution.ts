import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getExecutionQueryOptions } from './get-execution'
import { getExecutionsQueryOptions } from './get-executions'

/** Asks the server to cancel (202); the execution becomes `cancelled` once its processes are gone. */
export function cancelExecution(id: string) {
  return unwrap(api.POST('/api/executions/{id}/cancel', { params: { path: { id } } }))
}

export function useCancelExecution() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: cancelExecution,
    onSuccess: (_data, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getExecutionQueryOptions(id).queryKey }),
        queryClient.invalidateQueries({ queryKey: getExecutionsQueryOptions().queryKey }),
      ]),
  })
}
