import { Handle, type Position } from '@xyflow/react'

import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import type { FlowNode } from '../lib/graph'
import { accentStyle, STATE_LOOK } from './node-look'

/**
 * A node seen from far away (see use-far-zoom.ts): its box in its state's look, its agent's colour
 * down the side, and nothing to read. Same size, same handles, same data attributes.
 */
export function FarNode({
  kind,
  node,
  accent,
  selected,
  sourcePosition,
  targetPosition,
}: {
  kind: 'task' | 'subagent'
  node: FlowNode
  accent: string | null
  selected: boolean
  sourcePosition: Position
  targetPosition: Position
}) {
  const color = agentColor(node.agent)
  return (
    <div
      data-state={node.state}
      data-kind={kind}
      style={accentStyle(accent)}
      className={cn(
        'flow-node relative size-full rounded-lg border-2 bg-card',
        kind === 'subagent' && 'rounded-md border-dashed',
        STATE_LOOK[node.state].node,
        accent && 'flow-accent',
        selected && 'ring-4 ring-ring/60',
      )}
    >
      <Handle type="target" position={targetPosition} isConnectable={false} className="flow-handle" />
      <span aria-hidden style={color.style} className={cn('absolute inset-y-0 left-0 w-2 rounded-l-[6px]', color.dot)} />
      <Handle type="source" position={sourcePosition} isConnectable={false} className="flow-handle" />
    </div>
  )
}
