import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import type { ProjectsParams } from './types'

export const PROJECTS_PAGE_SIZE = 50

export function getProjects(params: ProjectsParams, signal?: AbortSignal) {
  return unwrap(api.GET('/api/projects', { params: { query: params }, signal }))
}

/** Without params the key is the prefix of every list query, which is what mutations invalidate. */
export function getProjectsQueryOptions(params?: ProjectsParams) {
  return queryOptions({
    queryKey: params ? ['projects', 'list', params] : ['projects', 'list'],
    queryFn: ({ signal }) => getProjects(params ?? {}, signal),
  })
}

export function useProjects(params: ProjectsParams) {
  // Keep showing the current page while the next one loads, instead of flashing skeletons.
  return useQuery({ ...getProjectsQueryOptions(params), placeholderData: keepPreviousData })
}
