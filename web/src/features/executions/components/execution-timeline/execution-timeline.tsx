import { useMemo, useState } from 'react'

import { agentColor } from '@/lib/agent-color'
import type { SourceFields } from '@/lib/execution-source'
import { cn } from '@/lib/utils'

import type { ExecutionDetail } from '../../api/types'
import { isActive } from '../../lib/status'
import { dependencyLinks, layoutTimeline, type TimelineModel, type TimelineRow } from './lib/layout'
import { TimelineBar } from './timeline-bar'
import { useElementWidth } from './use-element-width'

/** Width of the task names' column, in pixels; narrower on a phone. */
const LABEL_PX = 176
const NARROW_LABEL_PX = 112
const ROW_PX = 32
/** Pixels per tick label: the axis shows as many as fit. */
const TICK_PX = 84

const LEGEND = [
  { label: 'Completed', className: 'bg-success/80' },
  { label: 'Running', className: 'bg-sky-500' },
  { label: 'Failed', className: 'bg-destructive/80' },
  { label: 'Cancelled or skipped', className: 'bg-muted-foreground/40' },
] as const

/**
 * A Gantt chart of the execution: one row per task in plan order, one bar per attempt (retries
 * side by side), ticks that suit the duration and, while it runs, a "now" line the running bars
 * grow towards. Hovering a bar shows its dependencies; clicking it filters the log to its task.
 */
export function ExecutionTimeline({
  execution,
  now,
  selectedTask,
  onSelectTask,
}: {
  execution: ExecutionDetail
  now: number
  selectedTask: string | null
  onSelectTask: (taskId: string | null) => void
}) {
  const live = isActive(execution.status)
  const [ref, width] = useElementWidth<HTMLDivElement>()
  const labelPx = width > 0 && width < 520 ? NARROW_LABEL_PX : LABEL_PX
  const trackWidth = Math.max(0, width - labelPx)
  const maxTicks = Math.max(2, Math.min(10, Math.floor(trackWidth / TICK_PX)))
  const model = useMemo(
    () =>
      layoutTimeline({
        attempts: execution.tasks,
        startedAt: execution.started_at,
        completedAt: execution.completed_at,
        live,
        now,
        maxTicks,
      }),
    [execution.tasks, execution.started_at, execution.completed_at, live, now, maxTicks],
  )
  const [hovered, setHovered] = useState<string | null>(null)

  return (
    <figure aria-label="Timeline" ref={ref} className="relative m-0 min-w-0 select-none">
      <figcaption className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {LEGEND.map((item) => (
          <span key={item.label} className="inline-flex items-center gap-1.5">
            <span aria-hidden className={cn('h-2 w-3.5 rounded-[3px]', item.className)} />
            {item.label}
          </span>
        ))}
        <span className="ml-auto hidden sm:inline">Click a bar to show its task’s log</span>
      </figcaption>
      {model.rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-muted-foreground">No task has been scheduled yet.</p>
      ) : (
        <div className="max-h-[26rem] overflow-y-auto">
          <Axis model={model} live={live} labelPx={labelPx} />
          <div className="relative">
            <Gridlines model={model} labelPx={labelPx} />
            {model.rows.map((row) => (
              <Row
                key={row.taskId}
                row={row}
                source={execution}
                model={model}
                labelPx={labelPx}
                trackWidth={trackWidth}
                selected={row.taskId === selectedTask}
                dimmed={hovered !== null && hovered !== row.taskId && !isDependency(model.rows, hovered, row.taskId)}
                onSelect={(taskId) => onSelectTask(taskId === selectedTask ? null : taskId)}
                onHover={setHovered}
              />
            ))}
            {hovered && <DependencyLines model={model} taskId={hovered} labelPx={labelPx} />}
            {model.nowLeft !== null && (
              <div
                aria-hidden
                data-testid="timeline-now"
                className="pointer-events-none absolute inset-y-0 w-px bg-sky-500/80 motion-safe:transition-[left] motion-safe:duration-300 motion-safe:ease-out"
                style={{ left: `calc(${labelPx}px + (100% - ${labelPx}px) * ${model.nowLeft / 100})` }}
              />
            )}
          </div>
        </div>
      )}
    </figure>
  )
}

function isDependency(rows: readonly TimelineRow[], of: string, taskId: string): boolean {
  return rows.find((r) => r.taskId === of)?.dependsOn.includes(taskId) ?? false
}

/** The time axis: offsets from the first start, and "now" while running. */
function Axis({ model, live, labelPx }: { model: TimelineModel; live: boolean; labelPx: number }) {
  const last = model.ticks.length - 1
  return (
    <div className="sticky top-0 z-10 flex h-6 bg-card text-[11px] text-muted-foreground tabular-nums">
      <div className="shrink-0" style={{ width: labelPx }}>
        {model.origin === null && <span className="text-xs whitespace-nowrap">{live ? 'Waiting for the first task to start…' : 'Nothing ran'}</span>}
      </div>
      <div className="relative min-w-0 flex-1 border-b">
        {model.ticks.map((tick, i) => (
          <span
            key={tick.offset}
            className={cn(
              'absolute top-0.5 whitespace-nowrap',
              i === 0 ? 'translate-x-0' : i === last && tick.left > 97 ? '-translate-x-full' : '-translate-x-1/2',
            )}
            style={{ left: `${tick.left}%` }}
          >
            {tick.label}
          </span>
        ))}
        {model.nowLeft !== null && (
          <span
            className="absolute -bottom-px z-10 h-1.5 w-1.5 -translate-x-1/2 translate-y-1/2 rounded-full bg-sky-500 motion-safe:transition-[left] motion-safe:duration-300 motion-safe:ease-out"
            style={{ left: `${model.nowLeft}%` }}
            title="Now"
          />
        )}
      </div>
    </div>
  )
}

function Gridlines({ model, labelPx }: { model: TimelineModel; labelPx: number }) {
  return (
    <div aria-hidden className="pointer-events-none absolute inset-y-0 right-0" style={{ left: labelPx }}>
      {model.ticks.map((tick) => (
        <span key={tick.offset} className="absolute inset-y-0 w-px bg-border/70" style={{ left: `${tick.left}%` }} />
      ))}
    </div>
  )
}

function Row({
  row,
  source,
  model,
  labelPx,
  trackWidth,
  selected,
  dimmed,
  onSelect,
  onHover,
}: {
  row: TimelineRow
  /** Whose figures a bar's tooltip shows: an integration's zeros are not told as costs. */
  source: SourceFields
  model: TimelineModel
  labelPx: number
  trackWidth: number
  selected: boolean
  dimmed: boolean
  onSelect: (taskId: string) => void
  onHover: (taskId: string | null) => void
}) {
  const color = agentColor(row.agent)
  const waitingAt = row.bars.length === 0 ? Math.max(0, ...dependencyLinks(model.rows, row.taskId).map((l) => l.fromLeft)) : 0
  return (
    <div
      data-timeline-row={row.taskId}
      className={cn(
        'relative flex items-center rounded-md transition-opacity',
        selected && 'bg-accent/70 shadow-[inset_2px_0_0_var(--color-foreground)]',
        dimmed && 'opacity-45',
      )}
      style={{ height: ROW_PX }}
    >
      <div className="flex min-w-0 shrink-0 items-center gap-2 pr-3 pl-2" style={{ width: labelPx }} title={`${row.taskId} · ${row.agent}`}>
        <span aria-hidden style={color.style} className={cn('size-2 shrink-0 rounded-full', color.dot)} />
        <span className={cn('truncate font-mono text-xs', selected ? 'font-semibold' : 'font-medium')}>{row.taskId}</span>
        {row.attempts > 1 && (
          <span className="shrink-0 rounded bg-warning-soft px-1 text-[10px] font-medium text-warning tabular-nums" title={`${row.attempts} attempts`}>
            ×{row.attempts}
          </span>
        )}
      </div>
      <div className="relative h-full min-w-0 flex-1">
        {row.bars.map((bar) => (
          <TimelineBar
            key={bar.id}
            bar={bar}
            source={source}
            attempts={row.attempts}
            trackWidth={trackWidth}
            selected={selected}
            onSelect={onSelect}
            onHover={onHover}
          />
        ))}
        {row.bars.length === 0 && (
          // Where the task will start (after its dependencies); past the middle, the note ends there instead.
          <span
            className={cn(
              'absolute top-1/2 max-w-full -translate-y-1/2 truncate px-1.5 text-[11px] whitespace-nowrap text-muted-foreground italic',
              row.status === 'skipped' && row.error && 'text-muted-foreground/80',
            )}
            style={waitingAt <= 55 ? { left: `${waitingAt}%` } : { right: `${100 - waitingAt}%` }}
            title={row.error ?? undefined}
          >
            {placeholder(row)}
          </span>
        )}
      </div>
    </div>
  )
}

function placeholder(row: TimelineRow): string {
  switch (row.status) {
    case 'skipped':
      return row.error ? `${row.error.charAt(0).toUpperCase()}${row.error.slice(1)}` : 'Skipped'
    case 'cancelled':
      return 'Cancelled before it started'
    default:
      return row.dependsOn.length > 0 ? `Waiting for ${row.dependsOn.join(', ')}` : 'Waiting to start'
  }
}

/** Elbow lines from each dependency's end to the hovered task's start. */
function DependencyLines({ model, taskId, labelPx }: { model: TimelineModel; taskId: string; labelPx: number }) {
  const links = dependencyLinks(model.rows, taskId)
  if (links.length === 0) return null
  const y = (row: number) => row * ROW_PX + ROW_PX / 2
  return (
    <svg aria-hidden className="pointer-events-none absolute inset-y-0 h-full overflow-visible" style={{ left: labelPx, width: `calc(100% - ${labelPx}px)` }}>
      {links.map((link) => {
        const top = y(link.fromRow) + (link.fromRow < link.toRow ? 10 : -10)
        return (
          <g key={link.from} className="stroke-foreground/45" strokeWidth={1.25} fill="none" strokeDasharray="3 3">
            <line x1={`${link.fromLeft}%`} y1={top} x2={`${link.fromLeft}%`} y2={y(link.toRow)} />
            <line x1={`${link.fromLeft}%`} y1={y(link.toRow)} x2={`${Math.max(link.toLeft, link.fromLeft)}%`} y2={y(link.toRow)} />
            <circle cx={`${link.fromLeft}%`} cy={top} r={2.5} className="fill-foreground/60 stroke-none" />
          </g>
        )
      })}
    </svg>
  )
}

