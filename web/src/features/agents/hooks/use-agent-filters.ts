import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'

import type { AgentState } from '../api/types'
import { isFiltered, parseAgentFilters, toAgentsParams, withAgentFilters, type AgentFilters } from '../lib/filters'

/** The catalog's search and filters live in the URL (?q=&category=&status=), so a view can be shared and survives reload. */
export function useAgentFilters() {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => parseAgentFilters(params), [params])
  const queryParams = useMemo(() => toAgentsParams(filters), [filters])

  const update = useCallback(
    (changes: Partial<AgentFilters>) => setParams((current) => withAgentFilters(current, changes), { replace: true }),
    [setParams],
  )
  const setQuery = useCallback((q: string | null) => update({ q }), [update])
  const setCategory = useCallback((category: string | null) => update({ category }), [update])
  const setStatus = useCallback((status: AgentState | null) => update({ status }), [update])
  const clear = useCallback(() => update({ q: null, category: null, status: null }), [update])

  return { ...filters, queryParams, filtered: isFiltered(filters), setQuery, setCategory, setStatus, clear }
}
