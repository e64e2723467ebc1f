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
      queryClient.setQueryData(getExecutionQueryOptions(execution.id).queryKey, execution)
      return queryClient.invalidateQueries({ queryKey: getExecutionsQueryOptions().queryKey })
    },
  })
}
