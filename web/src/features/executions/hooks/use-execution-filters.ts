import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'

import type { ExecutionSort, ExecutionStatus, SortOrder } from '../api/types'
import { DEFAULT_ORDER, DEFAULT_SORT, isSort, parseDay, type ExecutionFilters } from '../lib/filters'
import { isExecutionStatus } from '../lib/status'

type Changes = Partial<Record<'project' | 'status' | 'agent' | 'q' | 'since' | 'until' | 'sort' | 'order', string | null>>

/**
 * The history's filters, search and sort live in the URL (?project=&status=&agent=&q=&since=&until=&sort=&order=),
 * so a filtered list can be shared and survives a reload.
 */
export function useExecutionFilters() {
  const [params, setParams] = useSearchParams()

  const filters: ExecutionFilters = useMemo(() => {
    const status = params.get('status')
    const sort = params.get('sort')
    const order = params.get('order')
    const day = (key: string) => (parseDay(params.get(key)) ? params.get(key) : null)
    return {
      project: params.get('project') || null,
      status: isExecutionStatus(status) ? status : null,
      agent: params.get('agent') || null,
      q: params.get('q')?.trim() || null,
      since: day('since'),
      until: day('until'),
      sort: isSort(sort) ? sort : DEFAULT_SORT,
      order: order === 'asc' || order === 'desc' ? order : DEFAULT_ORDER,
    }
  }, [params])

  const update = useCallback(
    (changes: Changes) =>
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
  const setAgent = useCallback((value: string | null) => update({ agent: value }), [update])
  const setQuery = useCallback((value: string | null) => update({ q: value }), [update])
  const setRange = useCallback((since: string | null, until: string | null) => update({ since, until }), [update])
  const setSort = useCallback(
    (sort: ExecutionSort, order: SortOrder) =>
      update({ sort: sort === DEFAULT_SORT ? null : sort, order: order === DEFAULT_ORDER ? null : order }),
    [update],
  )
  const clear = useCallback(() => update({ project: null, status: null, agent: null, q: null, since: null, until: null }), [update])

  const filtered = Boolean(filters.project || filters.status || filters.agent || filters.q || filters.since || filters.until)

  return { ...filters, filtered, setProject, setStatus, setAgent, setQuery, setRange, setSort, clear }
}
