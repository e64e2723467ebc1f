import { BanIcon, BellIcon, BellRingIcon, CheckCircle2Icon, CircleDollarSignIcon, RotateCwIcon, XCircleIcon, type LucideIcon } from 'lucide-react'
import { Link } from 'react-router'

import { RelativeTime } from '@/components/relative-time'
import { cn } from '@/lib/utils'

import type { Notification } from '../api/types'
import { appPath } from '../lib/cache'

const KINDS: Record<string, { icon: LucideIcon; tone: string; label: string }> = {
  execution_failed: { icon: XCircleIcon, tone: 'bg-destructive/10 text-destructive', label: 'Execution failed' },
  execution_completed: { icon: CheckCircle2Icon, tone: 'bg-success-soft text-success', label: 'Execution completed' },
  execution_cancelled: { icon: BanIcon, tone: 'bg-muted text-muted-foreground', label: 'Execution cancelled' },
  budget_exceeded: { icon: CircleDollarSignIcon, tone: 'bg-warning-soft text-warning', label: 'Budget exceeded' },
  task_retried: { icon: RotateCwIcon, tone: 'bg-warning-soft text-warning', label: 'Task retried' },
  agent_attention: { icon: BellRingIcon, tone: 'bg-warning-soft text-warning', label: 'An agent needs attention' },
}
const OTHER = { icon: BellIcon, tone: 'bg-muted text-muted-foreground', label: 'Notification' }

/** One notification: what happened, when, and a link to it that also marks it read. */
export function NotificationRow({ notification, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  const kind = KINDS[notification.kind] ?? OTHER
  const Icon = kind.icon
  const unread = notification.read_at == null
  const path = appPath(notification.link)
  const content = (
    <>
      <span aria-hidden className={cn('mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full [&_svg]:size-4', kind.tone)}>
        <Icon />
      </span>
      <span className="grid min-w-0 flex-1 gap-0.5">
        <span className={cn('truncate text-sm', unread ? 'font-semibold' : 'font-medium text-foreground/80')}>{notification.title}</span>
        {notification.body && <span className="line-clamp-2 text-xs text-muted-foreground">{notification.body}</span>}
        <span className="text-[11px] text-muted-foreground">
          <span className="sr-only">{kind.label}, </span>
          <RelativeTime value={notification.created_at} />
          {unread && <span className="sr-only">, unread</span>}
        </span>
      </span>
      {unread && <span aria-hidden className="mt-2 size-2 shrink-0 rounded-full bg-sky-500" />}
    </>
  )
  const className = cn(
    'flex w-full gap-3 px-4 py-3 text-left outline-none transition-colors hover:bg-accent focus-visible:bg-accent',
    unread && 'bg-sky-500/[0.04] dark:bg-sky-400/[0.06]',
  )
  return (
    <li data-unread={unread || undefined}>
      {path ? (
        <Link to={path} className={className} onClick={() => onOpen(notification)}>
          {content}
        </Link>
      ) : (
        <button type="button" className={className} onClick={() => onOpen(notification)}>
          {content}
        </button>
      )}
    </li>
  )
}
