import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

/** Starts one saved plan of a project (POST /api/projects/{id}/start with its id). */
export function runPlan({ projectId, planId }: { projectId: string; planId: string }) {
  return unwrap(api.POST('/api/projects/{id}/start', { params: { path: { id: projectId } }, body: { plan_id: planId } }))
}

export function useRunPlan() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: runPlan,
    // The execution lists gain a row; its own page reads it fresh.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['executions', 'list'] }),
  })
}
