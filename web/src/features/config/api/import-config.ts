import { useMutation, useQueryClient } from '@tanstack/react-query'

import { requestJson } from './request'
import type { ImportReport } from './types'

export type ImportRequest = { bundle: string; passphrase?: string; prune: boolean; dryRun: boolean }

/**
 * With `dryRun`, what the bundle would change; without, applies it in one transaction. A bad item
 * is a 422 whose `fields` are keyed by the item's path, and nothing changes.
 */
export function importConfig({ bundle, passphrase, prune, dryRun }: ImportRequest) {
  return requestJson<ImportReport>('POST', '/api/config/import', {
    query: { dry_run: dryRun, prune },
    body: passphrase ? { bundle, passphrase } : { bundle },
  })
}

export function useImportConfig() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: importConfig,
    onSuccess: (report) => {
      // An import touches configuration, projects, plans, agents, MCP servers and webhooks.
      if (report.applied) void queryClient.invalidateQueries()
    },
  })
}
