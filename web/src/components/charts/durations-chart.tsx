import { Line, LineChart, Tooltip, YAxis } from 'recharts'

import { durationTicks, formatDuration, formatDurationTick } from '@/lib/metric-format'

import { formatBucketRange, hasDurations, isolatedPoints, type DurationRow } from './lib/chart-data'
import { AXIS_TICK } from './lib/chart-theme'
import { BucketTimeAxis } from './bucket-time-axis'
import { ChartEmpty, ChartFrame, ChartTooltipCard, type LegendEntry, type TooltipProps } from './chart-frame'

const HEIGHT = 180

const SERIES = [
  { key: 'p50', label: 'p50', color: 'var(--chart-p50)', shape: 'line' },
  { key: 'p90', label: 'p90', color: 'var(--chart-p90)', shape: 'line' },
  { key: 'p99', label: 'p99', color: 'var(--chart-p99)', shape: 'line' },
] as const satisfies readonly (LegendEntry & { key: keyof DurationRow })[]

function DurationTooltip({ active, payload, bucketSeconds }: TooltipProps) {
  const row = payload?.[0]?.payload as DurationRow | undefined
  if (!active || !row) return null
  return (
    <ChartTooltipCard
      title={formatBucketRange(row.t, bucketSeconds)}
      rows={SERIES.map((s) => ({ key: s.key, label: s.label, color: s.color, value: formatDuration(row[s.key]) }))}
    />
  )
}

/** How long tasks took, by percentile; buckets where no task ended are gaps. */
export function DurationsChart({ rows, bucketSeconds }: { rows: DurationRow[]; bucketSeconds: number }) {
  const ticks = durationTicks(Math.max(0, ...rows.flatMap((r) => [r.p50 ?? 0, r.p90 ?? 0, r.p99 ?? 0])))
  const isolated = { p50: isolatedPoints(rows, 'p50'), p90: isolatedPoints(rows, 'p90'), p99: isolatedPoints(rows, 'p99') }
  return (
    <ChartFrame title="Task duration" subtitle="percentiles" legend={[...SERIES]}>
      {hasDurations(rows) ? (
        <LineChart responsive style={{ width: '100%', height: HEIGHT }} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -8 }}>
          <BucketTimeAxis bucketSeconds={bucketSeconds} />
          <YAxis
            ticks={ticks}
            domain={[0, ticks.at(-1) ?? 0]}
            tickFormatter={formatDurationTick}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Tooltip
            cursor={{ stroke: 'var(--muted-foreground)', strokeOpacity: 0.3 }}
            content={({ active, payload }) => <DurationTooltip active={active} payload={payload} bucketSeconds={bucketSeconds} />}
          />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="monotone"
              stroke={s.color}
              strokeWidth={s.key === 'p50' ? 2 : 1.5}
              // A bucket between two empty ones has no line to be on: it gets a dot.
              dot={(props: { cx?: number; cy?: number; index?: number }) => {
                const show = props.index !== undefined && isolated[s.key].has(props.index) && props.cx != null && props.cy != null
                return <circle key={`${s.key}-${props.index}`} cx={props.cx} cy={props.cy} r={show ? 2.5 : 0} fill={s.color} />
              }}
              activeDot={{ r: 3.5, strokeWidth: 0 }}
              animationDuration={400}
            />
          ))}
        </LineChart>
      ) : (
        <ChartEmpty height={HEIGHT}>No task ended in this range.</ChartEmpty>
      )}
    </ChartFrame>
  )
}
