import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

export const NOTIFICATIONS_PAGE_SIZE = 20

export function getNotifications(
  params: { limit: number; cursor?: string; unread_only?: boolean },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/api/notifications', { params: { query: params }, signal }))
}

/** Without a filter the key is the prefix of both lists (all, unread), which is what changes update. */
export function getNotificationsQueryOptions(filter?: { unreadOnly: boolean }) {
  return infiniteQueryOptions({
    queryKey: filter ? ['notifications', 'list', filter] : ['notifications', 'list'],
    queryFn: ({ pageParam, signal }) =>
      getNotifications(
        {
          limit: NOTIFICATIONS_PAGE_SIZE,
          ...(pageParam ? { cursor: pageParam } : {}),
          ...(filter?.unreadOnly ? { unread_only: true } : {}),
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
}

/** New notifications arrive through the socket and are put in front (see use-live-notifications). */
export function useNotifications(unreadOnly = false) {
  return useInfiniteQuery(getNotificationsQueryOptions({ unreadOnly }))
}
