import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import type { ProjectOption } from './types'

/** Projects for the filter and the form: one page of 100 is plenty for a picker. */
export function getProjectOptions(signal?: AbortSignal): Promise<ProjectOption[]> {
  return unwrap(api.GET('/api/projects', { params: { query: { limit: 100 } }, signal })).then((page) =>
    page.items.map(({ id, name }) => ({ id, name })),
  )
}

export function useProjectOptions() {
  return useQuery(queryOptions({ queryKey: ['projects', 'options'], queryFn: ({ signal }) => getProjectOptions(signal), staleTime: 60_000 }))
}
