import { useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useLocation, useNavigate } from 'react-router'
import { toast } from 'sonner'

import { useSocketEvent } from '@/lib/realtime'

import { getNotificationsQueryOptions } from '../api/get-notifications'
import { useMarkNotificationRead } from '../api/mark-notification-read'
import type { NotificationKind, NotificationPage } from '../api/types'
import { appPath, insertNotification } from '../lib/cache'

const TOAST: Record<NotificationKind, typeof toast.info> = {
  execution_failed: toast.error,
  execution_completed: toast.success,
  execution_cancelled: toast.info,
  budget_exceeded: toast.warning,
  task_retried: toast.warning,
  agent_attention: toast.warning,
}

/**
 * A `notification` event (sent to this user's room): it goes in front of the bell's lists, the
 * badge takes the server's unread count, and a toast says it with a "View" action (unless the
 * page it is about is the one open).
 */
export function useLiveNotifications() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const markRead = useMarkNotificationRead()

  useSocketEvent('notification', ({ notification, unread }) => {
    queryClient.setQueriesData<InfiniteData<NotificationPage, string | undefined>>(
      { queryKey: getNotificationsQueryOptions().queryKey },
      (data) => insertNotification(data, notification, unread),
    )
    const path = appPath(notification.link)
    // The page it is about is open already: the badge counts it, a toast would only repeat the page.
    if (path !== null && new URL(path, window.location.origin).pathname === pathname) return
    const show = TOAST[notification.kind] ?? toast.info
    show(notification.title, {
      // The same notification never toasts twice (a re-delivered event replaces its toast).
      id: `notification-${notification.id}`,
      description: notification.body,
      action: path
        ? {
            label: 'View',
            onClick: () => {
              if (notification.read_at === null) markRead.mutate(notification.id)
              void navigate(path)
            },
          }
        : undefined,
    })
  })
}
