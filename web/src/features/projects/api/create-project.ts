import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getProjectQueryOptions } from './get-project'
import { getProjectsQueryOptions } from './get-projects'
import type { CreateProjectBody } from './types'

export function createProject(body: CreateProjectBody) {
  return unwrap(api.POST('/api/projects', { body }))
}

export function useCreateProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createProject,
    onSuccess: (project) => {
      queryClient.setQueryData(getProjectQueryOptions(project.id).queryKey, project)
      return queryClient.invalidateQueries({ queryKey: getProjectsQueryOptions().queryKey })
    },
  })
}
