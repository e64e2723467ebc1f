import type { ReactNode } from 'react'

import { cn } from '@/lib/utils'

/** A titled block of the panel. */
export function PanelSection({ title, aside, children, className }: { title: string; aside?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={cn('grid gap-2 border-t px-4 py-3.5', className)} aria-label={title}>
      <div className="flex items-center gap-2">
        <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</h3>
        {aside && <div className="ml-auto text-xs text-muted-foreground">{aside}</div>}
      </div>
      {children}
    </section>
  )
}

export function PanelStat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 content-start gap-0.5">
      <dt className="text-[11px] text-muted-foreground">{label}</dt>
      <dd className="min-w-0 truncate text-sm tabular-nums">{children}</dd>
    </div>
  )
}

const time = new Intl.DateTimeFormat('en', { timeStyle: 'medium' })
const full = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' })

/** "12:04:31 PM", the full date on hover: a panel has no room for dates, runs rarely span days. */
export function ClockTime({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-muted-foreground">—</span>
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return <span className="text-muted-foreground">—</span>
  return (
    <time dateTime={value} title={full.format(date)}>
      {time.format(date)}
    </time>
  )
}
