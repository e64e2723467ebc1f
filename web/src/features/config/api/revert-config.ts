import { useMutation, useQueryClient } from '@tanstack/react-query'

import { scopeKey, scopePath, type ConfigScope } from '../lib/scope'
import { getConfigQueryOptions } from './get-config'
import { requestJson } from './request'
import type { ConfigView } from './types'

/** Saves a new version whose content is `version`'s. */
export function revertConfig({ scope, version }: { scope: ConfigScope; version: number }) {
  return requestJson<ConfigView>('POST', `${scopePath(scope)}/revert`, { body: { version } })
}

export function useRevertConfig() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: revertConfig,
    onSuccess: (view, { scope }) => {
      queryClient.setQueryData(getConfigQueryOptions(scope).queryKey, view)
      void queryClient.invalidateQueries({ queryKey: scope.kind === 'global' ? ['config'] : scopeKey(scope) })
    },
  })
}
