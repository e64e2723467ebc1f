import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import type { LogEntry, LogsParams } from './types'

/** Entries per request; the server allows up to 5000. */
export const LOGS_PAGE_SIZE = 1000
export const DOWNLOAD_PAGE_SIZE = 5000

export type LogFilters = Pick<LogsParams, 'task' | 'level' | 'q'>

export function getExecutionLogs(id: string, params: LogsParams, signal?: AbortSignal) {
  return unwrap(api.GET('/api/executions/{id}/logs', { params: { path: { id }, query: params }, signal }))
}

/**
 * Pages are fetched after the last seq seen, so "the next page" is also "whatever was written
 * since": polling and "Load more" are the same call. Entries never change once written, so pages
 * are never refetched (a refetch of an infinite query would ask for every page again).
 */
export function getExecutionLogsQueryOptions(id: string, filters: LogFilters) {
  return infiniteQueryOptions({
    queryKey: ['executions', 'logs', id, filters],
    queryFn: ({ pageParam, signal }) =>
      getExecutionLogs(id, { ...filters, after_seq: pageParam, limit: LOGS_PAGE_SIZE }, signal),
    initialPageParam: 0,
    getNextPageParam: (lastPage) => lastPage.last_seq,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // Dropped once nobody shows it: coming back starts from the first page instead of a tail that may be old.
    gcTime: 0,
  })
}

export function useExecutionLogs(id: string, filters: LogFilters) {
  return useInfiniteQuery(getExecutionLogsQueryOptions(id, filters))
}

/** Every entry of the execution, page by page (for "Download"). */
export async function getAllExecutionLogs(id: string, filters: LogFilters = {}): Promise<LogEntry[]> {
  const all: LogEntry[] = []
  let after = 0
  for (;;) {
    const page = await getExecutionLogs(id, { ...filters, after_seq: after, limit: DOWNLOAD_PAGE_SIZE })
    all.push(...page.items)
    if (page.items.length < DOWNLOAD_PAGE_SIZE || page.last_seq <= after) return all
    after = page.last_seq
  }
}
