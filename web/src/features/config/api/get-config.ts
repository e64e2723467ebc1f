import { queryOptions, useQuery } from '@tanstack/react-query'

import { scopeKey, scopePath, type ConfigScope } from '../lib/scope'
import { requestJson } from './request'
import type { ConfigView } from './types'

export function getConfig(scope: ConfigScope, signal?: AbortSignal) {
  return requestJson<ConfigView>('GET', scopePath(scope), { signal })
}

export function getConfigQueryOptions(scope: ConfigScope) {
  return queryOptions({
    queryKey: [...scopeKey(scope), 'view'],
    queryFn: ({ signal }) => getConfig(scope, signal),
  })
}

/** The sparse document, the effective configuration and where each value comes from. */
export function useConfig(scope: ConfigScope) {
  return useQuery(getConfigQueryOptions(scope))
}
