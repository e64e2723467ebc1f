import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query'

import type { Notification, NotificationPage } from '../api/types'

/** The cached pages of a list (the page parameter does not matter here). */
type Pages = InfiniteData<NotificationPage, unknown>

/** The unread count the cached list knows (every page carries the count of its answer; the first is newest). */
export function unreadOf(data: Pages | undefined): number {
  return data?.pages[0]?.unread ?? 0
}

const withUnread = <P extends Pages>(data: P, unread: number): P => ({
  ...data,
  pages: data.pages.map((page) => ({ ...page, unread: Math.max(0, unread) })),
})

/**
 * A list after a `notification` event: the notification in front (unless the list has it already,
 * when the event raced the fetch), and the server's unread count, which is the truth.
 */
export function insertNotification<P extends Pages>(data: P | undefined, notification: Notification, unread: number): P | undefined {
  if (!data || data.pages.length === 0) return data
  const known = data.pages.some((page) => page.items.some((n) => n.id === notification.id))
  const [first, ...rest] = data.pages
  const pages = known ? data.pages : [{ ...first!, items: [notification, ...first!.items] }, ...rest]
  return withUnread({ ...data, pages }, unread)
}

/** A list with one notification read (optimistically): the count drops only if it was unread. */
export function markReadInCache<P extends Pages>(data: P | undefined, id: string, readAt: string): P | undefined {
  if (!data) return data
  let changed = false
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((n) => {
      if (n.id !== id || n.read_at !== null) return n
      changed = true
      return { ...n, read_at: readAt }
    }),
  }))
  if (!changed) return data
  return withUnread({ ...data, pages }, unreadOf(data) - 1)
}

/** A list with everything read (optimistically). */
export function markAllReadInCache<P extends Pages>(data: P | undefined, readAt: string): P | undefined {
  if (!data) return data
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((n) => (n.read_at === null ? { ...n, read_at: readAt } : n)),
  }))
  return withUnread({ ...data, pages }, 0)
}

/** Every notification of the pages once, newest first as the server sent them. */
export function flattenNotifications(data: Pages | undefined): Notification[] {
  if (!data) return []
  const seen = new Set<string>()
  return data.pages.flatMap((page) =>
    page.items.filter((n) => {
      if (seen.has(n.id)) return false
      seen.add(n.id)
      return true
    }),
  )
}

/** "3", "9+", and nothing at all for none: what the bell's badge says. */
export function badgeText(unread: number): string | null {
  if (!Number.isFinite(unread) || unread <= 0) return null
  return unread > 9 ? '9+' : String(Math.floor(unread))
}

/**
 * Where a notification's link may take the user: a path inside this app only (`/executions/…`),
 * never another site, whatever the server stored.
 */
export function appPath(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(link)) return null
  return link
}

/** Puts back what optimistic updates replaced (the snapshot of `getQueriesData`). */
export function restoreSnapshot(queryClient: QueryClient, snapshot: [QueryKey, Pages | undefined][] | undefined) {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data)
}
