import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'

import { cn } from '@/lib/utils'

import type { FlowRFEdge } from '../lib/flow-elements'

/**
 * Every edge of the graph: a bezier, solid for a dependency, dashed for a subagent, lighter for a
 * phase boundary; an edge into a running node is highlighted (and React Flow animates it).
 */
export const FlowEdge = memo(function FlowEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
}: EdgeProps<FlowRFEdge>) {
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, curvature: 0.3 })
  return <BaseEdge id={id} path={path} className={cn(data?.kind === 'phase' && 'opacity-70')} />
})
