import type { CollaborationEdge } from '../api/types'

export type HandoffSortKey = 'from' | 'to' | 'count' | 'executions'
export type SortOrder = 'asc' | 'desc'
export type HandoffSort = { key: HandoffSortKey; order: SortOrder }

export const DEFAULT_HANDOFF_SORT: HandoffSort = { key: 'count', order: 'desc' }

const text = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true })

/**
 * The hand-offs in table order. Numbers sort busiest first by default, names A→Z; ties fall back
 * to the count (busiest first), then from and to, so the order never depends on the server's.
 */
export function sortHandoffs<T extends CollaborationEdge>(edges: readonly T[], { key, order }: HandoffSort): T[] {
  const sign = order === 'asc' ? 1 : -1
  return [...edges].sort((a, b) => {
    const primary = key === 'from' || key === 'to' ? text(a[key], b[key]) : a[key] - b[key]
    return primary * sign || b.count - a.count || text(a.from, b.from) || text(a.to, b.to)
  })
}

/** Clicking a column: the same one flips the order; another starts with its natural order. */
export function nextSort(current: HandoffSort, key: HandoffSortKey): HandoffSort {
  if (current.key === key) return { key, order: current.order === 'asc' ? 'desc' : 'asc' }
  return { key, order: key === 'count' || key === 'executions' ? 'desc' : 'asc' }
}
