import { useMemo } from 'react'

import { DurationsChart } from '@/components/charts/durations-chart'
import { toChartData } from '@/components/charts/lib/chart-data'
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
import { formatCompact, formatDuration, formatDurationTick, formatUsd } from '@/lib/metric-format'
import { RANGE_LABELS, type MetricsRange } from '@/lib/metrics-range'
import { cn } from '@/lib/utils'

import { useAgentMetrics } from '../api/get-agent-metrics'
import type { AgentStats } from '../api/types'
import { formatSuccessRate } from '../lib/format'

function Totals({ totals }: { totals: AgentStats }) {
  const ended = totals.completed + totals.failed
  const tokens = totals.input_tokens + totals.output_tokens
  // Four in a row only when the card (not the window) has room for their hints ("4.8k tokens").
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-4 @2xl:grid-cols-4">
      <SummaryStat label="Tasks" value={formatCompact(totals.tasks)} hint={totals.failed > 0 ? `${totals.failed} failed` : undefined} />
      <SummaryStat label="Success rate" value={formatSuccessRate(totals.success_rate)} hint={ended > 0 ? `of ${ended}` : undefined} />
      <SummaryStat
        label="Median duration"
        value={formatDuration(totals.median_duration_ms)}
        hint={totals.p90_duration_ms != null ? `p90 ${formatDurationTick(totals.p90_duration_ms)}` : undefined}
      />
      <SummaryStat label="Cost" value={formatUsd(totals.cost_usd)} hint={tokens > 0 ? `${formatCompact(tokens)} tokens` : undefined} />
    </dl>
  )
}

function MetricsBody({ name, range }: { name: string; range: MetricsRange }) {
  const query = useAgentMetrics(name, range)
  const data = useMemo(() => (query.data ? toChartData(query.data) : undefined), [query.data])
  if (query.isPending) return <MetricsSkeleton />
  if (query.isError || !data || !query.data) {
    return <ErrorState title="Could not load metrics" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  }
  return (
    <div className={cn('grid gap-8 transition-opacity', query.isPlaceholderData && 'opacity-60')}>
      <Totals totals={query.data.totals} />
      <OutcomesChart title="Tasks" emptyText="No task of this agent ended in this range." rows={data.outcomes} bucketSeconds={data.bucketSeconds} />
      <div className="grid gap-8 xl:grid-cols-2">
        <DurationsChart rows={data.durations} bucketSeconds={data.bucketSeconds} />
        <UsageChart rows={data.usage} bucketSeconds={data.bucketSeconds} />
      </div>
    </div>
  )
}

/** How the agent's tasks went over a range (in the URL, ?range=): outcomes, durations, tokens and cost. */
export function AgentMetrics({ name }: { name: string }) {
  const { range, setRange } = useMetricsRange()
  return (
    <Card role="region" aria-labelledby="agent-metrics-heading" className={CHART_COLORS}>
      <Tabs value={range} onValueChange={(value) => setRange(value as MetricsRange)} className="gap-0">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b px-5 py-3">
          <div>
            <h2 id="agent-metrics-heading" className="text-sm font-semibold">
              Metrics
            </h2>
            <p className="text-xs text-muted-foreground">{RANGE_LABELS[range]}</p>
          </div>
          <RangeTabsList />
        </div>
        <TabsContent value={range} className="@container px-5 py-5">
          <MetricsBody name={name} range={range} />
        </TabsContent>
      </Tabs>
    </Card>
  )
}
