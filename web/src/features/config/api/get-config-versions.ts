import { queryOptions, useQuery } from '@tanstack/react-query'

import { scopeKey, scopePath, type ConfigScope } from '../lib/scope'
import { requestJson } from './request'
import type { ConfigVersions } from './types'

export function getConfigVersions(scope: ConfigScope, signal?: AbortSignal) {
  return requestJson<ConfigVersions>('GET', `${scopePath(scope)}/versions`, { signal })
}

export function getConfigVersionsQueryOptions(scope: ConfigScope) {
  return queryOptions({
    queryKey: [...scopeKey(scope), 'versions'],
    queryFn: ({ signal }) => getConfigVersions(scope, signal),
  })
}

/** Every saved version, newest first, with who saved it and what changed. */
export function useConfigVersions(scope: ConfigScope) {
  return useQuery(getConfigVersionsQueryOptions(scope))
}
