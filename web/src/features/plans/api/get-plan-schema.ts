import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getPlanSchema(signal?: AbortSignal) {
  return unwrap(api.GET('/api/schemas/{name}', { params: { path: { name: 'plan' } }, signal }))
}

export function getPlanSchemaQueryOptions() {
  return queryOptions({
    queryKey: ['schemas', 'plan'],
    queryFn: ({ signal }) => getPlanSchema(signal),
    // It changes only with the server's version.
    staleTime: Infinity,
  })
}

/** The JSON Schema of PlanInput, for the YAML editor's checks and hover help. */
export function usePlanSchema() {
  return useQuery(getPlanSchemaQueryOptions())
}
