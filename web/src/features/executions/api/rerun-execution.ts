import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getExecutionQueryOptions } from './get-execution'
import { getExecutionsQueryOptions } from './get-executions'

/** Runs the execution's plan again as a new execution: every task, or only those that did not complete. */
export function rerunExecution({ id, failedOnly }: { id: string; failedOnly: boolean }) {
  return unwrap(api.POST('/api/executions/{id}/rerun', { params: { path: { id } }, body: { failed_only: failedOnly } }))
}

export function useRerunExecution() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: rerunExecution,
    onSuccess: (execution) => {
      // Shown at once, and read again when its page opens: events that came before this answer are not in it.
      const detailKey = getExecutionQueryOptions(execution.id).queryKey
      queryClient.setQueryData(detailKey, execution)
      void queryClient.invalidateQueries({ queryKey: detailKey, refetchType: 'none' })
      return queryClient.invalidateQueries({ queryKey: getExecutionsQueryOptions().queryKey })
    },
  })
}
