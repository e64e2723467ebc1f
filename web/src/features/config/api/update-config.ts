import { useMutation, useQueryClient } from '@tanstack/react-query'

import { scopeKey, scopePath, type ConfigScope } from '../lib/scope'
import { getConfigQueryOptions } from './get-config'
import { requestJson } from './request'
import type { ConfigDocument, ConfigView } from './types'

/** Saves a new version; 409 when `baseVersion` is no longer the latest, 422 with per-path `fields`. */
export function updateConfig({ scope, config, baseVersion }: { scope: ConfigScope; config: ConfigDocument; baseVersion: number }) {
  return requestJson<ConfigView>('PUT', scopePath(scope), { body: { config, base_version: baseVersion } })
}

export function useUpdateConfig() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateConfig,
    onSuccess: (view, { scope }) => {
      queryClient.setQueryData(getConfigQueryOptions(scope).queryKey, view)
      // Versions and diffs; a global change also shows through every project's effective view.
      void queryClient.invalidateQueries({ queryKey: scope.kind === 'global' ? ['config'] : scopeKey(scope) })
    },
  })
}
