import type { ReactNode } from 'react'

import { cn } from '@/lib/utils'

export type LegendEntry = { key: string; label: string; color: string; shape?: 'square' | 'line' }

export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
      {entries.map((entry) => (
        <li key={entry.key} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className={cn('inline-block shrink-0', entry.shape === 'line' ? 'h-0.5 w-3 rounded-full' : 'size-2 rounded-[2px]')}
            style={{ background: entry.color }}
          />
          {entry.label}
        </li>
      ))}
    </ul>
  )
}

/** One chart: a title, what one point means, a legend, and the drawing (or why there is none). */
export function ChartFrame({
  title,
  subtitle,
  legend,
  children,
  className,
}: {
  title: string
  subtitle?: string
  legend?: LegendEntry[]
  children: ReactNode
  className?: string
}) {
  return (
    <figure className={cn('flex min-w-0 flex-col gap-3', className)} aria-label={title}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <span className="text-sm font-medium">
          {title}
          {subtitle && <span className="ml-1.5 font-normal text-muted-foreground">{subtitle}</span>}
        </span>
        {legend && <ChartLegend entries={legend} />}
      </figcaption>
      {children}
    </figure>
  )
}

/** Where a chart would be when its range has nothing to show. */
export function ChartEmpty({ height, children }: { height: number; children: ReactNode }) {
  return (
    <div
      className="flex items-center justify-center rounded-lg border border-dashed text-sm text-muted-foreground"
      style={{ height }}
    >
      {children}
    </div>
  )
}

/** What a chart's custom tooltip gets from Recharts (the hovered row is `payload[0].payload`). */
export type TooltipProps = { active?: boolean; payload?: readonly { payload?: unknown }[]; bucketSeconds: number }

export type TooltipRow = { key: string; label: string; color: string; value: string }

/** The hover card of every chart, styled like the app's popovers. */
export function ChartTooltipCard({ title, rows, footer }: { title: string; rows: TooltipRow[]; footer?: ReactNode }) {
  return (
    <div className="min-w-40 rounded-lg border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="mb-1.5 font-medium">{title}</p>
      <ul className="grid gap-1">
        {rows.map((row) => (
          <li key={row.key} className="flex items-center gap-2">
            <span aria-hidden className="size-2 shrink-0 rounded-[2px]" style={{ background: row.color }} />
            <span className="text-muted-foreground">{row.label}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums">{row.value}</span>
          </li>
        ))}
      </ul>
      {footer && <div className="mt-1.5 border-t pt-1.5 text-muted-foreground">{footer}</div>}
    </div>
  )
}
