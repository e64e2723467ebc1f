import { useMemo } from 'react'

import { ErrorState } from '@/components/error-state'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { cn } from '@/lib/utils'

import { useExecutionMetrics } from '../api/get-execution-metrics'
import { METRICS_RANGES, type MetricsRange } from '../api/types'
import { useMetricsRange } from '../hooks/use-metrics-range'
import { toChartData, type MetricsSummary } from '../lib/chart-data'
import { CHART_COLORS } from '../lib/chart-theme'
import { formatCompact, formatUsd } from '../lib/format'
import { DurationsChart } from './durations-chart'
import { ExecutionsChart } from './executions-chart'
import { UsageChart } from './usage-chart'

const RANGE_LABELS: Record<MetricsRange, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
}

function SummaryStat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 flex items-baseline gap-1.5">
        <span className="text-xl font-semibold tracking-tight tabular-nums">{value}</span>
        {hint && <span className="truncate text-xs text-muted-foreground">{hint}</span>}
      </dd>
    </div>
  )
}

function Summary({ summary }: { summary: MetricsSummary }) {
  const rate = summary.successRate === null ? '—' : `${Math.round(summary.successRate * 100)}%`
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-4">
      <SummaryStat label="Executions ended" value={formatCompact(summary.executions)} hint={`${formatCompact(summary.tasks)} tasks`} />
      <SummaryStat label="Success rate" value={rate} hint={summary.executions > 0 ? `${summary.completed} completed` : undefined} />
      <SummaryStat label="Tokens" value={formatCompact(summary.tokens)} />
      <SummaryStat label="Cost" value={formatUsd(summary.cost)} />
    </dl>
  )
}

function MetricsSkeleton() {
  return (
    <div className="grid gap-8" aria-busy="true" aria-label="Loading metrics">
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="grid gap-2">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="h-6 w-16" />
          </div>
        ))}
      </div>
      <Skeleton className="h-[228px] rounded-lg" />
      <div className="grid gap-8 lg:grid-cols-2">
        <Skeleton className="h-[208px] rounded-lg" />
        <Skeleton className="h-[208px] rounded-lg" />
      </div>
    </div>
  )
}

function MetricsBody({ range }: { range: MetricsRange }) {
  const query = useExecutionMetrics(range)
  const data = useMemo(() => (query.data ? toChartData(query.data) : undefined), [query.data])
  if (query.isPending) return <MetricsSkeleton />
  if (query.isError || !data) {
    return (
      <ErrorState title="Could not load metrics" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    )
  }
  return (
    <div className={cn('grid gap-8 transition-opacity', query.isPlaceholderData && 'opacity-60')}>
      <Summary summary={data.summary} />
      <ExecutionsChart rows={data.outcomes} bucketSeconds={data.bucketSeconds} />
      <div className="grid gap-8 lg:grid-cols-2">
        <DurationsChart rows={data.durations} bucketSeconds={data.bucketSeconds} />
        <UsageChart rows={data.usage} bucketSeconds={data.bucketSeconds} />
      </div>
    </div>
  )
}

/** Execution metrics over a range (in the URL), refreshed as executions end. */
export function MetricsPanel() {
  const { range, setRange } = useMetricsRange()
  return (
    <Card role="region" aria-labelledby="metrics-heading" className={CHART_COLORS}>
      <Tabs value={range} onValueChange={(value) => setRange(value as MetricsRange)} className="gap-0">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b px-5 py-3">
          <div>
            <h2 id="metrics-heading" className="text-sm font-semibold">
              Execution metrics
            </h2>
            <p className="text-xs text-muted-foreground">{RANGE_LABELS[range]}</p>
          </div>
          <TabsList aria-label="Time range">
            {METRICS_RANGES.map((value) => (
              <TabsTrigger key={value} value={value} className="min-w-11 tabular-nums">
                {value}
              </TabsTrigger>
            ))}
          </TabsList>
        </div>
        <TabsContent value={range} className="px-5 py-5">
          <MetricsBody range={range} />
        </TabsContent>
      </Tabs>
    </Card>
  )
}
