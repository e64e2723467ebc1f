import type { ReactNode } from 'react'

import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { agentColor } from '@/lib/agent-color'
import type { SourceFields } from '@/lib/execution-source'
import { cn } from '@/lib/utils'

import type { TaskStatus } from '../../api/types'
import { formatCost, formatDuration, formatTokensExact } from '../../lib/format'
import { unreportedUsage } from '../../lib/usage'
import { TaskStatusBadge } from '../status-badge'
import type { TimelineBar as Bar } from './lib/layout'

/** Fill of a bar by the attempt's status, in the colours the status badges use. */
const BAR_CLASS: Record<TaskStatus, string> = {
  completed: 'bg-success/80 hover:bg-success',
  failed: 'bg-destructive/80 hover:bg-destructive',
  timed_out:
    'bg-destructive/80 bg-[repeating-linear-gradient(135deg,transparent_0_5px,rgb(255_255_255/0.22)_5px_10px)] hover:bg-destructive',
  running: 'bg-sky-500 hover:bg-sky-600 dark:hover:bg-sky-400',
  cancelled: 'bg-muted-foreground/40 hover:bg-muted-foreground/55',
  skipped: 'bg-muted-foreground/25',
  pending: 'bg-muted-foreground/25',
}

const STATUS_WORD: Record<TaskStatus, string> = {
  pending: 'pending',
  running: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  skipped: 'skipped',
  timed_out: 'timed out',
}

const clock = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })

/** A bar narrower than this many pixels has no text inside. */
const LABEL_MIN_PX = 52

/** One attempt on the timeline: a button that shows its details on hover or focus and filters the log on click. */
export function TimelineBar({
  bar,
  source,
  attempts,
  trackWidth,
  selected,
  onSelect,
  onHover,
}: {
  bar: Bar
  /** The execution's kind and source: what an integration did not report shows as such. */
  source: SourceFields
  /** How many attempts the task has taken. */
  attempts: number
  trackWidth: number
  selected: boolean
  onSelect: (taskId: string) => void
  onHover: (taskId: string | null) => void
}) {
  const duration = bar.end - bar.start
  const px = (bar.width / 100) * trackWidth
  const label = bar.latest ? formatDuration(duration) : `#${bar.attempt}`
  const a = bar.source
  const unreported = unreportedUsage({ ...a, kind: source.kind, source: source.source })
  const color = agentColor(bar.agent)
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          data-task={bar.taskId}
          data-attempt={bar.attempt}
          data-status={bar.status}
          aria-label={`${bar.taskId}, attempt ${bar.attempt}: ${STATUS_WORD[bar.status]}, ${formatDuration(duration)}${bar.running ? ' so far' : ''}`}
          aria-pressed={selected}
          onClick={() => onSelect(bar.taskId)}
          onPointerEnter={() => onHover(bar.taskId)}
          onPointerLeave={() => onHover(null)}
          onFocus={() => onHover(bar.taskId)}
          onBlur={() => onHover(null)}
          style={{ left: `${bar.left}%`, width: `max(${bar.width}%, 3px)` }}
          className={cn(
            'absolute top-1/2 flex h-5 -translate-y-1/2 cursor-pointer items-center overflow-hidden rounded-[5px] outline-none',
            // Short enough that a bar never lags far behind a bar that just appeared.
            'motion-safe:transition-[left,width,background-color] motion-safe:duration-300 motion-safe:ease-out',
            'focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:ring-offset-background',
            BAR_CLASS[bar.status],
            !bar.latest && 'opacity-60 hover:opacity-90',
            selected && 'ring-2 ring-foreground/70 ring-offset-1 ring-offset-background',
          )}
        >
          {px >= LABEL_MIN_PX && (
            <span className="truncate px-1.5 text-[10px] leading-none font-medium text-white tabular-nums drop-shadow-[0_1px_0_rgb(0_0_0/0.25)]">
              {label}
            </span>
          )}
          {bar.running && (
            <span aria-hidden className="absolute inset-y-0 right-0 w-2 animate-pulse rounded-r-[5px] bg-white/60" />
          )}
        </button>
      </TooltipTrigger>
      <TooltipContent
        side="top"
        collisionPadding={12}
        className="w-72 border bg-popover p-0 text-popover-foreground shadow-lg"
      >
        <div className="flex items-start justify-between gap-3 border-b px-3 py-2.5">
          <div className="min-w-0">
            <p className="truncate font-mono text-[13px] font-semibold">{bar.taskId}</p>
            <p className="mt-0.5 flex items-center gap-1.5 text-muted-foreground">
              <span aria-hidden style={color.style} className={cn('size-2 shrink-0 rounded-full', color.dot)} />
              <span className="truncate">{bar.agent}</span>
            </p>
          </div>
          <TaskStatusBadge status={bar.status} className="shrink-0" />
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 px-3 py-2.5">
          <Fact label="Attempt">
            {bar.attempt} of {attempts}
          </Fact>
          <Fact label="Started">{clock.format(bar.start)}</Fact>
          <Fact label="Duration">
            {formatDuration(duration)}
            {bar.running && <span className="text-muted-foreground"> so far</span>}
          </Fact>
          <Fact label="Tokens">
            {unreported?.tokens ? (
              <span className="text-muted-foreground">Not reported</span>
            ) : (
              <>
                {formatTokensExact(a.input_tokens)} in · {formatTokensExact(a.output_tokens)} out
              </>
            )}
          </Fact>
          <Fact label="Cost">
            {unreported?.cost ? (
              <span className="text-muted-foreground">Not reported</span>
            ) : (
              <span className="font-mono">{formatCost(a.cost_usd)}</span>
            )}
          </Fact>
        </dl>
        {a.error && (
          <p className="mx-3 mb-2.5 line-clamp-4 rounded-md border border-destructive/25 bg-destructive/5 px-2 py-1.5 break-words text-destructive">
            {a.error}
          </p>
        )}
        <p className="border-t px-3 py-1.5 text-[11px] text-muted-foreground">
          {selected ? 'Click to show every task’s log' : 'Click to show this task’s log'}
        </p>
      </TooltipContent>
    </Tooltip>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right tabular-nums">{children}</dd>
    </>
  )
}
