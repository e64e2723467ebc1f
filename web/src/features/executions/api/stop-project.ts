import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

/** Cancels every queued or running execution of the project. */
export function stopProject(projectId: string) {
  return unwrap(api.POST('/api/projects/{id}/stop', { params: { path: { id: projectId } } }))
}

export function useStopProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: stopProject,
    // Lists and the details of what was cancelled.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['executions'] }),
  })
}
