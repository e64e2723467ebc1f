import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

import type { ExecutionStatus } from '../api/types'
import { isExecutionStatus } from '../lib/status'

/** Project and status filters live in the URL (?project=&status=) so a filtered list can be shared and survives reload. */
export function useExecutionFilters() {
  const [params, setParams] = useSearchParams()
  const project = params.get('project') || null
  const rawStatus = params.get('status')
  const status: ExecutionStatus | null = isExecutionStatus(rawStatus) ? rawStatus : null

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value)
            else next.delete(key)
          }
          return next
        },
        { replace: true },
      ),
    [setParams],
  )

  const setProject = useCallback((value: string | null) => update({ project: value }), [update])
  const setStatus = useCallback((value: ExecutionStatus | null) => update({ status: value }), [update])
  const clear = useCallback(() => update({ project: null, status: null }), [update])

  return { project, status, setProject, setStatus, clear }
}
