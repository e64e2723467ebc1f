import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

import type { ProjectStatus } from '../api/types'
import { isProjectStatus } from '../lib/project-form'

/** Search text and status filter live in the URL (?q=&status=) so a filtered list can be shared and survives reload. */
export function useProjectFilters() {
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const rawStatus = params.get('status')
  const status: ProjectStatus | null = isProjectStatus(rawStatus) ? rawStatus : null

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

  const setQ = useCallback((value: string) => update({ q: value.trim() || null }), [update])
  const setStatus = useCallback((value: ProjectStatus | null) => update({ status: value }), [update])
  const clear = useCallback(() => update({ q: null, status: null }), [update])

  return { q, status, setQ, setStatus, clear }
}
