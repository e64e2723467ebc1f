import { Handle, Position, type NodeProps } from '@xyflow/react'
import { LayersIcon } from 'lucide-react'
import { memo } from 'react'

import { formatUsd } from '@/lib/metric-format'
import { cn } from '@/lib/utils'

import type { FlowRFNode } from '../lib/flow-elements'
import { STATE_LABELS, type NodeState } from '../lib/graph'
import { accentStyle, STATE_LOOK } from './node-look'
import { StateIcon } from './node-state'

/**
 * A collapsed phase or set of siblings: drawn as a small stack, with how many of its members are
 * in each state as a bar and as counts.
 */
export const GroupNode = memo(function GroupNode({
  data,
  selected,
  sourcePosition = Position.Bottom,
  targetPosition = Position.Top,
}: NodeProps<FlowRFNode>) {
  const { node, accent } = data
  const counts = Object.entries(node.counts ?? {}) as [NodeState, number][]
  const total = node.members?.length ?? 0
  return (
    <div data-state={node.state} data-kind="group" className="relative size-full">
      {/* The cards behind: a stack reads as "several things here" at a glance. */}
      <div aria-hidden className="absolute inset-x-2 -bottom-1.5 h-full rounded-lg border bg-card/70" />
      <div aria-hidden className="absolute inset-x-1 -bottom-[3px] h-full rounded-lg border bg-card/85" />
      <div
        style={accentStyle(accent)}
        className={cn(
          'flow-node relative flex size-full flex-col justify-between rounded-lg border bg-card px-3 py-2 text-card-foreground shadow-xs',
          STATE_LOOK[node.state].node,
          accent && 'flow-accent',
          selected && 'shadow-md ring-2 ring-ring/60',
        )}
        data-state={node.state}
      >
        <Handle type="target" position={targetPosition} isConnectable={false} className="flow-handle" />
        <div className="flex min-w-0 items-center gap-1.5">
          <LayersIcon aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
          <span className="min-w-0 truncate text-[13px] leading-4 font-medium">{node.label}</span>
          <span className="ml-auto shrink-0 text-[11px] text-muted-foreground tabular-nums">{total}</span>
        </div>
        <div className="flex h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
          {counts.map(([state, count]) => (
            <span key={state} className={cn('h-full', STATE_LOOK[state].dot)} style={{ width: `${(count / Math.max(1, total)) * 100}%` }} />
          ))}
        </div>
        <div className="flex min-w-0 items-center gap-2 overflow-hidden text-[11px] leading-4 text-muted-foreground tabular-nums">
          {counts.map(([state, count]) => (
            <span key={state} className="flex shrink-0 items-center gap-0.5" title={STATE_LABELS[state]}>
              <StateIcon state={state} className="size-3 animate-none" />
              {count}
            </span>
          ))}
          {node.costUsd > 0 && <span className="ml-auto shrink-0 font-mono">{formatUsd(node.costUsd)}</span>}
        </div>
        <Handle type="source" position={sourcePosition} isConnectable={false} className="flow-handle" />
      </div>
    </div>
  )
})
