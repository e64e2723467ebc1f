import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getProjectQueryOptions } from './get-project'
import { getProjectsQueryOptions } from './get-projects'
import type { UpdateProjectBody } from './types'

/** PUT is partial on the server: send only the fields that changed. */
export function updateProject({ id, body }: { id: string; body: UpdateProjectBody }) {
  return unwrap(api.PUT('/api/projects/{id}', { params: { path: { id } }, body }))
}

export function useUpdateProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateProject,
    onSuccess: (project) => {
      queryClient.setQueryData(getProjectQueryOptions(project.id).queryKey, project)
      return queryClient.invalidateQueries({ queryKey: getProjectsQueryOptions().queryKey })
    },
  })
}
