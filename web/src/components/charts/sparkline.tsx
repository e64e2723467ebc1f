import { cn } from '@/lib/utils'

import { sparkGeometry, type SparkPoint } from './lib/sparkline'

/**
 * A small inline line chart, oldest point on the left. Points without a value (a failed check)
 * are marked with a red tick instead of being plotted, and break the line. Plain SVG: it sits in
 * table rows, where a charting library would be heavy.
 */
export function Sparkline({
  data,
  label,
  width = 112,
  height = 24,
  className,
}: {
  data: readonly SparkPoint[]
  /** What the chart shows, for assistive technology (e.g. "Latency of the last 20 checks"). */
  label: string
  width?: number
  height?: number
  className?: string
}) {
  const { path, points } = sparkGeometry(data, width, height, 3)
  const isolated = points.filter((p, i) => p.y !== null && points[i - 1]?.y == null && points[i + 1]?.y == null)
  const last = points.at(-1)
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className={cn('shrink-0 overflow-visible', className)}>
      <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} className="stroke-border" strokeWidth={1} />
      {path && <path d={path} fill="none" className="stroke-success" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />}
      {isolated.map((p) => (
        <circle key={`dot-${p.x}`} cx={p.x} cy={p.y ?? 0} r={1.5} className="fill-success" />
      ))}
      {points
        .filter((p) => p.y === null)
        .map((p) => (
          <line key={`down-${p.x}`} x1={p.x} x2={p.x} y1={3} y2={height - 1} className="stroke-destructive" strokeWidth={2} strokeLinecap="round">
            <title>{p.label}</title>
          </line>
        ))}
      {last && last.y !== null && <circle cx={last.x} cy={last.y} r={2} className="fill-success" />}
    </svg>
  )
}
