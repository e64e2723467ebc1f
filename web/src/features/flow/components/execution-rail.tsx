import { ActivityIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/ui/skeleton'
import { useNow } from '@/hooks/use-now'
import { formatRelativeTime } from '@/lib/format'
import { formatDuration } from '@/lib/metric-format'
import { cn } from '@/lib/utils'

import type { ExecutionSummary } from '../api/types'
import { durationOf } from '../lib/color-scale'

const STATUS: Record<ExecutionSummary['status'], { label: string; dot: string }> = {
  queued: { label: 'Queued', dot: 'bg-muted-foreground/60' },
  running: { label: 'Running', dot: 'bg-sky-500' },
  completed: { label: 'Completed', dot: 'bg-success' },
  failed: { label: 'Failed', dot: 'bg-destructive' },
  cancelled: { label: 'Cancelled', dot: 'border border-muted-foreground/70' },
  interrupted: { label: 'Interrupted', dot: 'bg-warning' },
}

/**
 * The Flow page's left rail: what runs now, then what ran recently, each with its status, project
 * and progress; the one whose graph shows is marked. Live: the lists come from the live cache.
 */
export function ExecutionRail({
  live,
  ended,
  selectedId,
  loading,
  error,
  onRetry,
  hrefFor,
}: {
  live: readonly ExecutionSummary[]
  ended: readonly ExecutionSummary[]
  selectedId: string | null
  loading: boolean
  error: Error | null
  onRetry: () => void
  hrefFor: (id: string) => string
}) {
  const now = useNow(1000, live.length > 0)
  if (loading) {
    return (
      <div aria-busy="true" aria-label="Loading executions" className="grid gap-2 p-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-14 rounded-lg" />
        ))}
      </div>
    )
  }
  if (error) return <ErrorState title="Could not load executions" error={error} onRetry={onRetry} />
  return (
    <nav aria-label="Executions" className="grid content-start gap-4 p-2">
      <RailGroup title="Running" count={live.length}>
        {live.length === 0 ? (
          <p className="flex items-center gap-2 px-2 py-1.5 text-xs text-muted-foreground">
            <ActivityIcon aria-hidden className="size-3.5" />
            Nothing runs right now.
          </p>
        ) : (
          live.map((execution) => (
            <RailItem key={execution.id} execution={execution} selected={execution.id === selectedId} href={hrefFor(execution.id)} now={now} />
          ))
        )}
      </RailGroup>
      {ended.length > 0 && (
        <RailGroup title="Recent" count={ended.length}>
          {ended.map((execution) => (
            <RailItem key={execution.id} execution={execution} selected={execution.id === selectedId} href={hrefFor(execution.id)} now={now} />
          ))}
        </RailGroup>
      )}
    </nav>
  )
}

function RailGroup({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section aria-label={title} className="grid gap-0.5">
      <h2 className="flex items-center gap-2 px-2 pb-1 text-[11px] font-medium tracking-wide text-muted-foreground uppercase">
        {title}
        <span className="rounded-full bg-muted px-1.5 text-[10px] tabular-nums">{count}</span>
      </h2>
      <ul className="grid gap-0.5">{children}</ul>
    </section>
  )
}

function RailItem({ execution, selected, href, now }: { execution: ExecutionSummary; selected: boolean; href: string; now: number }) {
  const status = STATUS[execution.status]
  const { totals } = execution
  const finished = totals.completed + totals.failed + totals.timed_out + totals.cancelled + totals.skipped
  const running = execution.status === 'running'
  const when = running
    ? formatDuration(durationOf({ startedAt: execution.started_at ?? null, completedAt: null }, now))
    : execution.created_at
      ? formatRelativeTime(execution.created_at)
      : ''
  return (
    <li>
      <Link
        to={href}
        aria-current={selected ? 'page' : undefined}
        className={cn(
          'grid gap-1 rounded-lg border border-transparent px-2.5 py-2 outline-none hover:bg-accent/60 focus-visible:ring-[3px] focus-visible:ring-ring/50',
          selected && 'border-border bg-accent hover:bg-accent',
        )}
      >
        <span className="flex min-w-0 items-center gap-2">
          <span aria-hidden className="relative flex size-2 shrink-0">
            {running && <span className={cn('absolute inline-flex size-full animate-ping rounded-full opacity-60', status.dot)} />}
            <span className={cn('relative inline-flex size-2 rounded-full', status.dot)} />
          </span>
          <span className="min-w-0 flex-1 truncate text-sm font-medium" title={execution.name}>
            {execution.name}
          </span>
          <span className="shrink-0 text-[11px] text-muted-foreground tabular-nums">{when}</span>
        </span>
        <span className="flex min-w-0 items-center gap-2 pl-4 text-xs text-muted-foreground">
          <span className="shrink-0">{status.label}</span>
          <span aria-hidden>·</span>
          <span className="min-w-0 truncate">{execution.project_name ?? 'No project'}</span>
          {totals.tasks > 0 && (
            <span className="ml-auto flex shrink-0 items-center gap-1.5 tabular-nums">
              <span aria-hidden className="flex h-1 w-10 overflow-hidden rounded-full bg-muted">
                <span className="h-full bg-success" style={{ width: `${(totals.completed / totals.tasks) * 100}%` }} />
                <span className="h-full bg-destructive" style={{ width: `${((totals.failed + totals.timed_out) / totals.tasks) * 100}%` }} />
              </span>
              <span aria-label={`${finished} of ${totals.tasks} tasks finished`}>
                {finished}/{totals.tasks}
              </span>
            </span>
          )}
        </span>
      </Link>
    </li>
  )
}
