import { Handle, Position, type NodeProps } from '@xyflow/react'
import { BotIcon } from 'lucide-react'
import { memo } from 'react'

import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import type { FlowRFNode } from '../lib/flow-elements'
import { useFarZoom } from '../hooks/use-far-zoom'
import { FarNode } from './far-node'
import { NodeDuration } from './node-duration'
import { accentStyle, STATE_LOOK } from './node-look'
import { StateIcon } from './node-state'

/** A subagent a task started: smaller and dashed, hanging from its task. */
export const SubagentNode = memo(function SubagentNode({
  data,
  selected,
  sourcePosition = Position.Bottom,
  targetPosition = Position.Top,
}: NodeProps<FlowRFNode>) {
  const { node, accent } = data
  const color = agentColor(node.agent)
  const far = useFarZoom()
  if (far) return <FarNode kind="subagent" node={node} accent={accent} selected={selected} sourcePosition={sourcePosition} targetPosition={targetPosition} />
  return (
    <div
      data-state={node.state}
      data-kind="subagent"
      style={accentStyle(accent)}
      className={cn(
        'flow-node relative flex size-full flex-col justify-center gap-0.5 rounded-md border border-dashed bg-card/90 px-2.5 text-card-foreground',
        STATE_LOOK[node.state].node,
        'border-dashed',
        accent && 'flow-accent',
        selected && 'shadow-md ring-2 ring-ring/60',
      )}
    >
      <Handle type="target" position={targetPosition} isConnectable={false} className="flow-handle" />
      <div className="flex min-w-0 items-center gap-1.5">
        <StateIcon state={node.state} className="size-3" />
        <span className="min-w-0 truncate text-xs leading-4 font-medium">{node.label}</span>
      </div>
      <div className="flex min-w-0 items-center gap-1.5 text-[11px] leading-4 text-muted-foreground">
        <BotIcon aria-hidden style={color.style} className="size-3 shrink-0 text-[oklch(0.6_0.12_var(--agent-hue))]" />
        <span className="min-w-0 truncate">{node.agent ?? 'subagent'}</span>
        <span className="ml-auto shrink-0 tabular-nums">
          <NodeDuration startedAt={node.startedAt} completedAt={node.completedAt} />
        </span>
      </div>
      <Handle type="source" position={sourcePosition} isConnectable={false} className="flow-handle" />
    </div>
  )
})
