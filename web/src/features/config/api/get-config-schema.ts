import { queryOptions, useQuery } from '@tanstack/react-query'

import type { ConfigScope } from '../lib/scope'
import { requestJson } from './request'

function schemaPath(scope: ConfigScope) {
  return scope.kind === 'global' ? '/api/config/schema' : '/api/schemas/project-config'
}

export function getConfigSchema(scope: ConfigScope, signal?: AbortSignal) {
  return requestJson<Record<string, unknown>>('GET', schemaPath(scope), { signal })
}

export function getConfigSchemaQueryOptions(scope: ConfigScope) {
  return queryOptions({
    queryKey: ['schemas', scope.kind === 'global' ? 'global-config' : 'project-config'],
    queryFn: ({ signal }) => getConfigSchema(scope, signal),
    // It changes only with the server's version.
    staleTime: Infinity,
  })
}

/** The JSON Schema of the scope's document, for the editor's completion and checks. */
export function useConfigSchema(scope: ConfigScope) {
  return useQuery(getConfigSchemaQueryOptions(scope))
}
