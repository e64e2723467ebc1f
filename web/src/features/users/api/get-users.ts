import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getUsers(signal?: AbortSignal) {
  return unwrap(api.GET('/api/users', { signal }))
}

export function getUsersQueryOptions() {
  return queryOptions({
    queryKey: ['users', 'list'],
    queryFn: ({ signal }) => getUsers(signal),
  })
}

export function useUsers() {
  return useQuery(getUsersQueryOptions())
}
