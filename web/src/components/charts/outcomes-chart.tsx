import { Bar, BarChart, Tooltip, YAxis } from 'recharts'

import { formatBucketRange, hasOutcomes, perBucketLabel, type OutcomeRow } from './lib/chart-data'
import { AXIS_TICK } from './lib/chart-theme'
import { BucketTimeAxis } from './bucket-time-axis'
import { ChartEmpty, ChartFrame, ChartTooltipCard, type LegendEntry, type TooltipProps } from './chart-frame'

const HEIGHT = 200

const SERIES = [
  { key: 'completed', label: 'Completed', color: 'var(--chart-completed)' },
  { key: 'failed', label: 'Failed', color: 'var(--chart-failed)' },
  { key: 'interrupted', label: 'Interrupted', color: 'var(--chart-interrupted)' },
  { key: 'cancelled', label: 'Cancelled', color: 'var(--chart-cancelled)' },
] as const satisfies readonly (LegendEntry & { key: keyof OutcomeRow })[]

function OutcomeTooltip({ active, payload, bucketSeconds }: TooltipProps) {
  const row = payload?.[0]?.payload as OutcomeRow | undefined
  if (!active || !row) return null
  return (
    <ChartTooltipCard
      title={formatBucketRange(row.t, bucketSeconds)}
      rows={SERIES.filter((s) => row[s.key] > 0 || s.key === 'completed').map((s) => ({
        key: s.key,
        label: s.label,
        color: s.color,
        value: String(row[s.key]),
      }))}
      footer={`${row.total} ended`}
    />
  )
}

/**
 * What ended in each bucket (executions, or one agent's task attempts), stacked by how it ended.
 * `title` names what is counted; `emptyText` says so when the range has none.
 */
export function OutcomesChart({
  rows,
  bucketSeconds,
  title,
  emptyText,
}: {
  rows: OutcomeRow[]
  bucketSeconds: number
  title: string
  emptyText: string
}) {
  return (
    <ChartFrame title={title} subtitle={perBucketLabel(bucketSeconds)} legend={[...SERIES]}>
      {hasOutcomes(rows) ? (
        <BarChart responsive style={{ width: '100%', height: HEIGHT }} data={rows} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
          <BucketTimeAxis bucketSeconds={bucketSeconds} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={40} />
          <Tooltip
            cursor={{ fill: 'var(--muted)', fillOpacity: 0.7, stroke: 'none' }}
            content={({ active, payload }) => <OutcomeTooltip active={active} payload={payload} bucketSeconds={bucketSeconds} />}
          />
          {SERIES.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="outcome"
              fill={s.color}
              maxBarSize={28}
              animationDuration={400}
              // Only the top of the stack is rounded.
              radius={i === SERIES.length - 1 ? [3, 3, 0, 0] : 0}
            />
          ))}
        </BarChart>
      ) : (
        <ChartEmpty height={HEIGHT}>{emptyText}</ChartEmpty>
      )}
    </ChartFrame>
  )
}
