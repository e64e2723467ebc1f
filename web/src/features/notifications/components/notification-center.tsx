import { BellIcon, CheckCheckIcon } from 'lucide-react'
import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'

import { useNotifications } from '../api/get-notifications'
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read'
import { useMarkNotificationRead } from '../api/mark-notification-read'
import type { Notification } from '../api/types'
import { useLiveNotifications } from '../hooks/use-live-notifications'
import { badgeText, unreadOf } from '../lib/cache'
import { NotificationList } from './notification-list'

/** The history's first page, loaded with the app so the badge shows before the bell is opened (the "All" tab shares it). */
function useUnreadCount() {
  return unreadOf(useNotifications(false).data)
}

/** The bell in the header: unread count, the history in a popover, live toasts for new ones. */
export function NotificationCenter() {
  const [open, setOpen] = useState(false)
  const [tab, setTab] = useState<'all' | 'unread'>('all')
  useLiveNotifications()
  const unread = useUnreadCount()
  const markRead = useMarkNotificationRead()
  const markAll = useMarkAllNotificationsRead()
  const badge = badgeText(unread)

  const openNotification = (notification: Notification) => {
    if (notification.read_at == null) markRead.mutate(notification.id)
    setOpen(false)
  }

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative"
          aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        >
          <BellIcon />
          {badge && (
            <span
              aria-hidden
              data-testid="unread-badge"
              className="absolute top-1 right-1 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] leading-none font-semibold text-white tabular-nums ring-2 ring-background animate-in zoom-in-50"
            >
              {badge}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent
        align="end"
        className="flex max-h-[min(560px,calc(100dvh-5rem))] w-[min(400px,calc(100vw-1rem))] flex-col overflow-hidden p-0"
        aria-label="Notifications"
      >
        <Tabs value={tab} onValueChange={(value) => setTab(value === 'unread' ? 'unread' : 'all')} className="min-h-0 flex-1 gap-0">
          <div className="flex items-center justify-between gap-2 border-b px-4 py-2.5">
            <h2 className="text-sm font-semibold">Notifications</h2>
            <Button
              variant="ghost"
              size="sm"
              className="-mr-2 h-7 text-xs text-muted-foreground"
              onClick={() => markAll.mutate()}
              disabled={unread === 0 || markAll.isPending}
            >
              <CheckCheckIcon />
              Mark all read
            </Button>
          </div>
          <div className="border-b px-4 py-2">
            <TabsList aria-label="Show" className="h-8 w-full">
              <TabsTrigger value="all" className="text-xs">
                All
              </TabsTrigger>
              <TabsTrigger value="unread" className="text-xs">
                Unread{unread > 0 && <span className="tabular-nums text-muted-foreground">{unread}</span>}
              </TabsTrigger>
            </TabsList>
          </div>
          <TabsContent value="all" className="min-h-0 overflow-y-auto">
            <NotificationList unreadOnly={false} onOpen={openNotification} />
          </TabsContent>
          <TabsContent value="unread" className="min-h-0 overflow-y-auto">
            <NotificationList unreadOnly onOpen={openNotification} />
          </TabsContent>
        </Tabs>
      </PopoverContent>
    </Popover>
  )
}
