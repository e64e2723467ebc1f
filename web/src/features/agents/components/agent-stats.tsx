import { formatDuration, formatUsd } from '@/lib/metric-format'
import { cn } from '@/lib/utils'

import type { AgentStats } from '../api/types'
import { formatSuccessRate, successTone, type RateTone } from '../lib/format'

const RATE_TONE_CLASS: Record<RateTone, string> = {
  good: 'text-success',
  fair: 'text-warning',
  poor: 'text-destructive',
  none: 'text-muted-foreground',
}

function Stat({ label, value, title, className }: { label: string; value: string; title?: string; className?: string }) {
  return (
    <div className="min-w-0" title={title}>
      <dt className="truncate text-[11px] text-muted-foreground">{label}</dt>
      <dd className={cn('truncate text-sm font-semibold tabular-nums', className)}>{value}</dd>
    </div>
  )
}

/** Success rate, median duration and cost of the last 30 days, in a row. */
export function AgentStatsRow({ stats, className }: { stats: AgentStats; className?: string }) {
  const ended = stats.completed + stats.failed
  return (
    <dl className={cn('grid grid-cols-3 gap-3', className)}>
      <Stat
        label="Success"
        value={formatSuccessRate(stats.success_rate)}
        title={ended > 0 ? `${stats.completed} of ${ended} ended tasks completed (30 days)` : 'No task ended in the last 30 days'}
        className={RATE_TONE_CLASS[successTone(stats.success_rate)]}
      />
      <Stat label="Median" value={formatDuration(stats.median_duration_ms)} title="Median task duration (30 days)" />
      <Stat label="Cost · 30d" value={formatUsd(stats.cost_usd)} title={`${stats.tasks} task attempts in the last 30 days`} />
    </dl>
  )
}
