import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getPlans(projectId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/projects/{id}/plans', { params: { path: { id: projectId } }, signal }))
}

export function getPlansQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: ['projects', 'plans', projectId],
    queryFn: ({ signal }) => getPlans(projectId, signal),
  })
}

/** The project's saved plans and which one Start runs. */
export function usePlans(projectId: string) {
  return useQuery(getPlansQueryOptions(projectId))
}
