import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getProjectQueryOptions } from './get-project'
import { getProjectsQueryOptions } from './get-projects'

export async function deleteProject(id: string) {
  await unwrap(api.DELETE('/api/projects/{id}', { params: { path: { id } } }))
}

export function useDeleteProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteProject,
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: getProjectQueryOptions(id).queryKey })
      return queryClient.invalidateQueries({ queryKey: getProjectsQueryOptions().queryKey })
    },
  })
}
