import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'

import type { FlowRFNode } from '../lib/flow-elements'

/** Where many dependencies meet many dependents: a dot, so n × m edges become n + m. */
export const JoinNode = memo(function JoinNode({ sourcePosition = Position.Bottom, targetPosition = Position.Top }: NodeProps<FlowRFNode>) {
  return (
    <div data-kind="join" className="size-full rounded-full border-2 border-muted-foreground/50 bg-background">
      <Handle type="target" position={targetPosition} isConnectable={false} className="flow-handle" />
      <Handle type="source" position={sourcePosition} isConnectable={false} className="flow-handle" />
    </div>
  )
})
