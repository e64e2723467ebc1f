import { CartesianGrid, XAxis } from 'recharts'

import { formatBucketTick } from './lib/chart-data'
import { AXIS_TICK, GRID_STROKE } from './lib/chart-theme'

/** The dashed horizontal grid and the time axis (one tick per bucket) under every metrics chart. */
export function BucketTimeAxis({ bucketSeconds }: { bucketSeconds: number }) {
  return (
    <>
      <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeDasharray="3 3" />
      <XAxis
        dataKey="t"
        tickFormatter={(t: number) => formatBucketTick(t, bucketSeconds)}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        minTickGap={20}
        tickMargin={8}
      />
    </>
  )
}
