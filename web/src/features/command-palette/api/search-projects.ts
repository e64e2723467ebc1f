import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export const SEARCH_LIMIT = 5

export function searchProjects(q: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/projects', { params: { query: { q, limit: SEARCH_LIMIT } }, signal }))
}

export function searchProjectsQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['command-palette', 'projects', q],
    queryFn: ({ signal }) => searchProjects(q, signal),
    staleTime: 30_000,
  })
}

/** Projects whose name matches, while the palette is open and something is typed. */
export function useProjectSearch(q: string, enabled: boolean) {
  return useQuery({ ...searchProjectsQueryOptions(q), enabled: enabled && q !== '', placeholderData: keepPreviousData })
}
