import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

export type AuditFilters = { user: string; action: string | null; resource: string | null }

/** Filters live in the URL (?user=&action=&resource=) so a filtered log can be shared and survives reload. */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams()
  const user = params.get('user') ?? ''
  const action = params.get('action') || null
  const resource = params.get('resource') || null

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

  const setUser = useCallback((value: string) => update({ user: value.trim() || null }), [update])
  const setAction = useCallback((value: string | null) => update({ action: value }), [update])
  const setResource = useCallback((value: string | null) => update({ resource: value }), [update])
  const clear = useCallback(() => update({ user: null, action: null, resource: null }), [update])

  return { user, action, resource, setUser, setAction, setResource, clear }
}
