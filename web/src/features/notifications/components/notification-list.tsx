import { BellOffIcon, CheckCheckIcon } from 'lucide-react'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { LoadMoreButton } from '@/components/load-more-button'
import { Skeleton } from '@/components/ui/skeleton'

import { useNotifications } from '../api/get-notifications'
import type { Notification } from '../api/types'
import { flattenNotifications } from '../lib/cache'
import { NotificationRow } from './notification-row'

function ListSkeleton() {
  return (
    <div className="grid" aria-busy="true" aria-label="Loading notifications">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="flex gap-3 px-4 py-3">
          <Skeleton className="size-8 rounded-full" />
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-3.5 w-3/4" />
            <Skeleton className="h-3 w-full" />
            <Skeleton className="h-2.5 w-16" />
          </div>
        </div>
      ))}
    </div>
  )
}

/** The history (or only what is unread), newest first, with "Load more" at the end. */
export function NotificationList({ unreadOnly, onOpen }: { unreadOnly: boolean; onOpen: (n: Notification) => void }) {
  const query = useNotifications(unreadOnly)
  const items = flattenNotifications(query.data)

  if (query.isPending) return <ListSkeleton />
  if (query.isError)
    return (
      <ErrorState title="Could not load notifications" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    )
  if (items.length === 0)
    return unreadOnly ? (
      <EmptyState icon={<CheckCheckIcon />} title="You’re all caught up" description="Nothing unread." className="py-10" />
    ) : (
      <EmptyState
        icon={<BellOffIcon />}
        title="No notifications yet"
        description="Failed runs, exceeded budgets and retries show up here."
        className="py-10"
      />
    )
  return (
    <div>
      <ul aria-label={unreadOnly ? 'Unread notifications' : 'Notifications'} className="divide-y">
        {items.map((notification) => (
          <NotificationRow key={notification.id} notification={notification} onOpen={onOpen} />
        ))}
      </ul>
      <LoadMoreButton query={query} className="p-2" />
    </div>
  )
}
