import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export const ACTIVITY_PAGE_SIZE = 30

export function getActivity(params: { limit: number; before?: string }, signal?: AbortSignal) {
  return unwrap(api.GET('/api/activity', { params: { query: params }, signal }))
}

/** Pages go back in time: each asks for what happened before the oldest item so far. */
export function getActivityQueryOptions() {
  return infiniteQueryOptions({
    queryKey: ['activity'],
    queryFn: ({ pageParam, signal }) =>
      getActivity({ limit: ACTIVITY_PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.items.length < ACTIVITY_PAGE_SIZE ? undefined : last.items.at(-1)?.at),
  })
}

/** New items arrive through `activity` events and are put in front (see use-dashboard-live). */
export function useActivity() {
  return useInfiniteQuery(getActivityQueryOptions())
}
