import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getExecutionQueryOptions } from './get-execution'
import { getExecutionsQueryOptions } from './get-executions'

/** Runs a plan of the project: the given one, else the project's default plan (422 on `plan_id` when it has none). */
export function startProject({ projectId, planId }: { projectId: string; planId?: string }) {
  return unwrap(
    api.POST('/api/projects/{id}/start', {
      params: { path: { id: projectId } },
      body: planId ? { plan_id: planId } : {},
    }),
  )
}

export function useStartProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: startProject,
    onSuccess: (execution) => {
      // Shown at once, and read again when its page opens: events that came before this answer are not in it.
      const detailKey = getExecutionQueryOptions(execution.id).queryKey
      queryClient.setQueryData(detailKey, execution)
      void queryClient.invalidateQueries({ queryKey: detailKey, refetchType: 'none' })
      return queryClient.invalidateQueries({ queryKey: getExecutionsQueryOptions().queryKey })
    },
  })
}
