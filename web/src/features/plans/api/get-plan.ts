import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getPlan(planId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/plans/{id}', { params: { path: { id: planId } }, signal }))
}

export function getPlanQueryOptions(planId: string) {
  return queryOptions({
    queryKey: ['plans', 'detail', planId],
    queryFn: ({ signal }) => getPlan(planId, signal),
  })
}

/** One saved plan (validated: tasks with `timeout_s`, and `phase` for plans written as phases). */
export function usePlan(planId: string | undefined) {
  return useQuery({ ...getPlanQueryOptions(planId ?? ''), enabled: planId !== undefined })
}
