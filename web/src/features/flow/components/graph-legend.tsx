import { STATE_LABELS } from '../lib/graph'
import type { Legend } from '../lib/color-scale'
import { StateDot } from './node-state'

/** What the colours mean, in the canvas's bottom-left corner. */
export function GraphLegend({ legend }: { legend: Legend }) {
  return (
    <div
      aria-label="Legend"
      role="group"
      className="flex max-w-[min(36rem,calc(100vw-2rem))] flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border bg-background/90 px-2.5 py-1.5 text-[11px] text-muted-foreground shadow-sm backdrop-blur supports-[backdrop-filter]:bg-background/75"
    >
      {legend.kind === 'states' &&
        legend.items.map((item) => (
          <span key={item.state} className="flex items-center gap-1.5">
            <StateDot state={item.state} />
            {STATE_LABELS[item.state]}
            <span className="text-foreground tabular-nums">{item.count}</span>
          </span>
        ))}
      {legend.kind === 'agents' &&
        legend.items.map((item) => (
          <span key={item.agent} className="flex items-center gap-1.5">
            <span aria-hidden className="size-2 rounded-full" style={{ background: item.color }} />
            {item.agent}
          </span>
        ))}
      {legend.kind === 'range' && (
        <span className="flex items-center gap-2">
          {legend.label}
          <span className="tabular-nums">{legend.min}</span>
          <span aria-hidden className="h-2 w-24 rounded-full" style={{ background: `linear-gradient(to right, ${legend.from}, ${legend.to})` }} />
          <span className="tabular-nums">{legend.max}</span>
        </span>
      )}
    </div>
  )
}
