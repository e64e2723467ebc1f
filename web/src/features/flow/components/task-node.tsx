import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'

import { agentColor } from '@/lib/agent-color'
import { formatCompact, formatUsd } from '@/lib/metric-format'
import { cn } from '@/lib/utils'

import type { FlowRFNode } from '../lib/flow-elements'
import { STATE_LABELS, type FlowNode } from '../lib/graph'
import { useFarZoom } from '../hooks/use-far-zoom'
import { FarNode } from './far-node'
import { NodeDuration } from './node-duration'
import { accentStyle, STATE_LOOK } from './node-look'
import { StateIcon } from './node-state'

/**
 * A task: its agent's colour down the side, its id, its agent and state, the attempt when it was
 * retried, and what it cost so far. Memoised: the graph hands it the same data object until the
 * task changes, so one task starting re-renders one node. Exported for the plan editor.
 */
export const TaskNode = memo(function TaskNode({
  data,
  selected,
  sourcePosition = Position.Bottom,
  targetPosition = Position.Top,
}: NodeProps<FlowRFNode>) {
  const { node, accent } = data
  const color = agentColor(node.agent)
  const tokens = node.inputTokens + node.outputTokens
  const look = STATE_LOOK[node.state]
  const far = useFarZoom()
  if (far) return <FarNode kind="task" node={node} accent={accent} selected={selected} sourcePosition={sourcePosition} targetPosition={targetPosition} />
  return (
    <div
      data-state={node.state}
      data-kind="task"
      style={accentStyle(accent)}
      className={cn(
        'flow-node relative flex size-full rounded-lg border bg-card text-card-foreground shadow-xs transition-[border-color,box-shadow]',
        'hover:shadow-md',
        look.node,
        accent && 'flow-accent',
        selected && 'shadow-md ring-2 ring-ring/60',
      )}
    >
      <Handle type="target" position={targetPosition} isConnectable={false} className="flow-handle" />
      <span aria-hidden style={color.style} className={cn('absolute inset-y-0 left-0 w-1 rounded-l-[7px]', color.dot)} />
      <div className="flex min-w-0 flex-1 flex-col justify-between py-2 pr-2.5 pl-3.5">
        <div className="flex min-w-0 items-center gap-1.5">
          <StateIcon state={node.state} />
          <span className="min-w-0 truncate font-mono text-[13px] leading-4 font-medium">{node.label}</span>
          {node.attempt > 1 && (
            <span className="ml-auto shrink-0 rounded bg-muted px-1 text-[10px] leading-4 font-medium text-muted-foreground tabular-nums">
              try {node.attempt}
              {node.maxAttempts ? `/${node.maxAttempts}` : ''}
            </span>
          )}
        </div>
        <div className="flex min-w-0 items-center gap-2 text-xs leading-4">
          <span className="min-w-0 truncate text-muted-foreground">{node.agent ?? 'no agent'}</span>
          <span className={cn('ml-auto shrink-0 text-[11px] font-medium', look.text)}>{STATE_LABELS[node.state]}</span>
        </div>
        <div className="flex min-w-0 items-center gap-1.5 text-[11px] leading-4 text-muted-foreground tabular-nums">
          {node.startedAt && node.state !== 'skipped' ? (
            <>
              <NodeDuration startedAt={node.startedAt} completedAt={node.completedAt} />
              {tokens > 0 && <Separator />}
              {tokens > 0 && <span title={`${node.inputTokens} in, ${node.outputTokens} out`}>{formatCompact(tokens)} tok</span>}
              {node.costUsd > 0 && <Separator />}
              {node.costUsd > 0 && <span className="font-mono">{formatUsd(node.costUsd)}</span>}
            </>
          ) : (
            <span className="text-muted-foreground/70">{IDLE_TEXT[node.state] ?? 'Not started'}</span>
          )}
        </div>
      </div>
      <Handle type="source" position={sourcePosition} isConnectable={false} className="flow-handle" />
    </div>
  )
})

/** What a node that did not run says where its numbers would be. */
const IDLE_TEXT: Partial<Record<FlowNode['state'], string>> = {
  draft: 'Not run yet',
  skipped: 'Did not run',
  cancelled: 'Did not run',
  pending: 'Not started',
}

function Separator() {
  return (
    <span aria-hidden className="text-muted-foreground/50">
      ·
    </span>
  )
}
