import { Bar, ComposedChart, Line, Tooltip, YAxis } from 'recharts'

import { formatCompact, formatExact, formatUsd } from '@/lib/metric-format'

import { formatBucketRange, hasUsage, type UsageRow } from './lib/chart-data'
import { AXIS_TICK } from './lib/chart-theme'
import { BucketTimeAxis } from './bucket-time-axis'
import { ChartEmpty, ChartFrame, ChartTooltipCard, type LegendEntry, type TooltipProps } from './chart-frame'

const HEIGHT = 180

const LEGEND: LegendEntry[] = [
  { key: 'input', label: 'Input tokens', color: 'var(--chart-input)' },
  { key: 'output', label: 'Output tokens', color: 'var(--chart-output)' },
  { key: 'cost', label: 'Cost', color: 'var(--chart-cost)', shape: 'line' },
]

function UsageTooltip({ active, payload, bucketSeconds }: TooltipProps) {
  const row = payload?.[0]?.payload as UsageRow | undefined
  if (!active || !row) return null
  return (
    <ChartTooltipCard
      title={formatBucketRange(row.t, bucketSeconds)}
      rows={[
        { key: 'input', label: 'Input tokens', color: 'var(--chart-input)', value: formatExact(row.input) },
        { key: 'output', label: 'Output tokens', color: 'var(--chart-output)', value: formatExact(row.output) },
        { key: 'cost', label: 'Cost', color: 'var(--chart-cost)', value: formatUsd(row.cost) },
      ]}
    />
  )
}

/** Tokens (stacked bars, left axis) and what they cost (line, right axis) per bucket. */
export function UsageChart({ rows, bucketSeconds }: { rows: UsageRow[]; bucketSeconds: number }) {
  return (
    <ChartFrame title="Tokens and cost" legend={LEGEND}>
      {hasUsage(rows) ? (
        <ComposedChart responsive style={{ width: '100%', height: HEIGHT }} data={rows} margin={{ top: 4, right: 0, bottom: 0, left: -8 }}>
          <BucketTimeAxis bucketSeconds={bucketSeconds} />
          <YAxis yAxisId="tokens" tickFormatter={formatCompact} tick={AXIS_TICK} tickLine={false} axisLine={false} width={44} />
          <YAxis
            yAxisId="cost"
            orientation="right"
            tickFormatter={(v: number) => formatUsd(v)}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={52}
          />
          <Tooltip
            cursor={{ fill: 'var(--muted)', fillOpacity: 0.7, stroke: 'none' }}
            content={({ active, payload }) => <UsageTooltip active={active} payload={payload} bucketSeconds={bucketSeconds} />}
          />
          <Bar yAxisId="tokens" dataKey="input" name="Input tokens" stackId="tokens" fill="var(--chart-input)" maxBarSize={24} animationDuration={400} />
          <Bar
            yAxisId="tokens"
            dataKey="output"
            name="Output tokens"
            stackId="tokens"
            fill="var(--chart-output)"
            maxBarSize={24}
            radius={[3, 3, 0, 0]}
            animationDuration={400}
          />
          <Line
            yAxisId="cost"
            dataKey="cost"
            name="Cost"
            type="monotone"
            stroke="var(--chart-cost)"
            strokeWidth={2}
            dot={false}
            activeDot={{ r: 3.5, strokeWidth: 0 }}
            animationDuration={400}
          />
        </ComposedChart>
      ) : (
        <ChartEmpty height={HEIGHT}>No tokens used in this range.</ChartEmpty>
      )}
    </ChartFrame>
  )
}
