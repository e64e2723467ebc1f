import { useMemo } from 'react'

import { DurationsChart } from '@/components/charts/durations-chart'
import { toChartData, type MetricsSummary } from '@/components/charts/lib/chart-data'
import { CHART_COLORS } from '@/components/charts/lib/chart-theme'
import { MetricsSkeleton } from '@/components/charts/metrics-skeleton'
import { OutcomesChart } from '@/components/charts/outcomes-chart'
import { RangeTabsList } from '@/components/charts/range-tabs'
import { SummaryStat } from '@/components/charts/summary-stat'
import { UsageChart } from '@/components/charts/usage-chart'
import { ErrorState } from '@/components/error-state'
import { Card } from '@/components/ui/card'
import { Tabs, TabsContent } from '@/components/ui/tabs'
import { useMetricsRange } from '@/hooks/use-metrics-range'
import { formatCompact, formatUsd } from '@/lib/metric-format'
import { RANGE_LABELS, type MetricsRange } from '@/lib/metrics-range'
import { cn } from '@/lib/utils'

import { useExecutionMetrics } from '../api/get-execution-metrics'

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
      <OutcomesChart title="Executions" emptyText="No executions ended in this range." rows={data.outcomes} bucketSeconds={data.bucketSeconds} />
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
          <RangeTabsList />
        </div>
        <TabsContent value={range} className="px-5 py-5">
          <MetricsBody range={range} />
        </TabsContent>
      </Tabs>
    </Card>
  )
}
