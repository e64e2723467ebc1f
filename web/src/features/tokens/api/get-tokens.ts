import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export function getTokens(signal?: AbortSignal) {
  return unwrap(api.GET('/api/tokens', { signal }))
}

export function getTokensQueryOptions() {
  return queryOptions({
    queryKey: ['tokens', 'list'],
    queryFn: ({ signal }) => getTokens(signal),
  })
}

export function useTokens() {
  return useQuery(getTokensQueryOptions())
}
