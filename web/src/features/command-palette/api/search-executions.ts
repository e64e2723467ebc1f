import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { SEARCH_LIMIT } from './search-projects'

/** By execution name, project name or id prefix; without `q`, the latest ones. */
export function searchExecutions(q: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/executions', { params: { query: { limit: SEARCH_LIMIT, ...(q ? { q } : {}) } }, signal }))
}

export function searchExecutionsQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['command-palette', 'executions', q],
    queryFn: ({ signal }) => searchExecutions(q, signal),
    staleTime: 10_000,
  })
}

/** Matching executions (the most recent ones before anything is typed), while the palette is open. */
export function useExecutionSearch(q: string, enabled: boolean) {
  return useQuery({ ...searchExecutionsQueryOptions(q), enabled, placeholderData: keepPreviousData })
}
