import { queryOptions, useQuery } from '@tanstack/react-query'

import { scopeKey, scopePath, type ConfigScope } from '../lib/scope'
import { requestJson } from './request'
import type { ConfigDiff } from './types'

/** `to` null compares with the current version. */
export function getConfigDiff(scope: ConfigScope, from: number, to: number | null, signal?: AbortSignal) {
  return requestJson<ConfigDiff>('GET', `${scopePath(scope)}/diff`, { query: { from, to: to ?? undefined }, signal })
}

export function getConfigDiffQueryOptions(scope: ConfigScope, from: number, to: number | null) {
  return queryOptions({
    queryKey: [...scopeKey(scope), 'diff', from, to ?? 'current'],
    queryFn: ({ signal }) => getConfigDiff(scope, from, to, signal),
  })
}

export function useConfigDiff(scope: ConfigScope, range: { from: number; to: number | null } | null) {
  return useQuery({ ...getConfigDiffQueryOptions(scope, range?.from ?? 0, range?.to ?? null), enabled: range !== null })
}
