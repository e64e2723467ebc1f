import {
  ActivityIcon,
  BanIcon,
  CheckCircle2Icon,
  CheckIcon,
  CircleDotIcon,
  ClockAlertIcon,
  PlayIcon,
  RotateCwIcon,
  TriangleAlertIcon,
  XCircleIcon,
  XIcon,
  type LucideIcon,
} from 'lucide-react'
import { useState } from 'react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { LoadMoreButton } from '@/components/load-more-button'
import { RelativeTime } from '@/components/relative-time'
import { SourceBadge } from '@/components/source-badge'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { useNow } from '@/hooks/use-now'
import { useSocketEvent } from '@/lib/realtime'
import { cn } from '@/lib/utils'

import { useActivity } from '../api/get-activity'
import type { ActivityItem, ActivityKind } from '../api/types'
import { activityDetail, activityKind, activitySource, flattenActivity, isRetry, type ActivityTone } from '../lib/activity'

const ICONS: Record<ActivityKind, LucideIcon> = {
  execution_started: PlayIcon,
  execution_completed: CheckCircle2Icon,
  execution_failed: XCircleIcon,
  execution_cancelled: BanIcon,
  execution_interrupted: TriangleAlertIcon,
  task_started: CircleDotIcon,
  task_completed: CheckIcon,
  task_failed: XIcon,
  task_timed_out: ClockAlertIcon,
}

const FRESH_KEPT = 100

const TONE: Record<ActivityTone, string> = {
  live: 'bg-sky-500/10 text-sky-600 ring-sky-500/20 dark:text-sky-300',
  success: 'bg-success-soft text-success ring-success/20',
  danger: 'bg-destructive/10 text-destructive ring-destructive/20',
  warning: 'bg-warning-soft text-warning ring-warning/20',
  neutral: 'bg-muted text-muted-foreground ring-border',
}

function ActivityRow({ item, fresh }: { item: ActivityItem; fresh: boolean }) {
  const retry = isRetry(item)
  const meta = activityKind(item.kind)
  const Icon = retry ? RotateCwIcon : (ICONS[item.kind as ActivityKind] ?? ActivityIcon)
  const label = retry ? `Task retried (attempt ${item.attempt})` : meta.label
  const tone = retry ? 'warning' : meta.tone
  const detail = activityDetail(item)
  const source = activitySource(item)
  return (
    <li
      data-kind={item.kind}
      className={cn(
        'group relative flex gap-3 px-5 py-3 transition-colors hover:bg-muted/50',
        fresh && 'animate-in fade-in-0 slide-in-from-top-2 duration-500',
      )}
    >
      <span aria-hidden className={cn('mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full ring-1 [&_svg]:size-3.5', TONE[tone])}>
        <Icon />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <p className="min-w-0 flex-1 truncate text-sm">
            <span className="font-medium">{label}</span>
            {item.task_id && <span className="font-mono text-[13px] text-muted-foreground"> · {item.task_id}</span>}
          </p>
          {/* Above the row's link overlay, so their tooltips still open. */}
          <SourceBadge execution={source} className="relative z-10 shrink-0" />
          <span className="relative z-10 shrink-0 text-xs text-muted-foreground">
            <RelativeTime value={item.at} />
          </span>
        </div>
        <p className="truncate text-xs text-muted-foreground">
          {item.agent && <span className="text-foreground/80">{item.agent}</span>}
          {item.agent && ' in '}
          <Link
            to={`/executions/${item.execution_id}`}
            className="rounded-sm font-medium text-foreground outline-none after:absolute after:inset-0 hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            {item.execution_name}
          </Link>
          {item.project_name && <span> · {item.project_name}</span>}
        </p>
        {detail && (
          <p className={cn('mt-0.5 line-clamp-2 text-xs', tone === 'danger' ? 'text-destructive/90' : 'text-muted-foreground')}>{detail}</p>
        )}
      </div>
    </li>
  )
}

function ActivitySkeleton() {
  return (
    <div className="grid" aria-busy="true" aria-label="Loading activity">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex gap-3 px-5 py-3">
          <Skeleton className="size-7 rounded-full" />
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-3.5 w-2/3" />
            <Skeleton className="h-3 w-1/2" />
          </div>
        </div>
      ))}
    </div>
  )
}

/** What happened lately, newest first, growing live; each entry opens its execution. */
export function ActivityFeed({ className }: { className?: string }) {
  const query = useActivity()
  // Items that arrived while the feed was open slide in; the ones it loaded with do not.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set())
  useSocketEvent('activity', ({ item }) =>
    // Only the newest matter (older ones have long finished sliding in): the set stays small in a tab left open.
    setFresh((current) => new Set([...current, item.id].slice(-FRESH_KEPT))),
  )
  // Relative times ("2 minutes ago") move on by themselves.
  useNow(30_000)
  const items = flattenActivity(query.data)

  let body
  if (query.isPending) body = <ActivitySkeleton />
  else if (query.isError)
    body = <ErrorState title="Could not load activity" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  else if (items.length === 0)
    body = (
      <EmptyState
        icon={<ActivityIcon />}
        title="No activity yet"
        description="Executions and their tasks appear here as they start and end."
        className="py-12"
      />
    )
  else
    body = (
      <div role="log" aria-label="Recent activity" aria-live="polite" className="min-h-0 flex-1 overflow-y-auto">
        <ol className="divide-y">
          {items.map((item) => (
            <ActivityRow key={item.id} item={item} fresh={fresh.has(item.id)} />
          ))}
        </ol>
        <LoadMoreButton query={query} label="Load older" className="px-5 py-3" />
        {query.isFetchNextPageError && (
          <p role="alert" className="px-5 pb-3 text-center text-xs text-destructive">
            Could not load older activity. Try again.
          </p>
        )}
      </div>
    )

  return (
    <Card role="region" aria-labelledby="activity-heading" className={cn('flex min-h-0 flex-col overflow-hidden', className)}>
      <div className="flex items-center justify-between gap-3 border-b px-5 py-3">
        <h2 id="activity-heading" className="text-sm font-semibold">
          Recent activity
        </h2>
        <Link to="/executions" className="text-xs text-muted-foreground hover:text-foreground hover:underline">
          All executions
        </Link>
      </div>
      {body}
    </Card>
  )
}
