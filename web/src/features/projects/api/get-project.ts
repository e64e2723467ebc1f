import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getProject(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/projects/{id}', { params: { path: { id } }, signal }))
}

export function getProjectQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['projects', 'detail', id],
    queryFn: ({ signal }) => getProject(id, signal),
  })
}

export function useProject(id: string) {
  return useQuery(getProjectQueryOptions(id))
}
