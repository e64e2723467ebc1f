import { EdgeLabelRenderer, getBezierPath, Position, type EdgeProps } from '@xyflow/react'
import type { CSSProperties } from 'react'

import { describeHandoff, type HandoffFlowEdge } from '../lib/flow-elements'
import { useSetFocus } from './focus-context'

/**
 * "hands work to": a line as wide as the count, an arrowhead at the receiving agent and the count
 * on a pill. Hand-offs run down from agent to agent, or arc round the cards (see Route).
 */
export function HandoffEdge({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<HandoffFlowEdge>) {
  const setFocus = useSetFocus()
  if (!data) return null
  const { handoff, route, hue, emphasis } = data
  // The line stops at the arrowhead's base, so a wide stroke never pokes through its tip.
  const head = 7 + handoff.width
  const half = head * 0.62

  let path: string
  let labelX: number
  let labelY: number
  let arrow: string
  if (route === 'down') {
    ;[path, labelX, labelY] = getBezierPath({
      sourceX,
      sourceY,
      sourcePosition: Position.Bottom,
      targetX,
      targetY: targetY - head,
      targetPosition: Position.Top,
    })
    arrow = `M ${targetX} ${targetY} L ${targetX - half} ${targetY - head} L ${targetX + half} ${targetY - head} Z`
  } else {
    // An arc out to the left (skip) or the right (up), deeper the further it goes.
    const side = route === 'skip' ? -1 : 1
    const depth = side * (40 + Math.abs(targetY - sourceY) * 0.22)
    const endX = targetX + side * head
    path = `M ${sourceX} ${sourceY} C ${sourceX + depth} ${sourceY}, ${endX + depth} ${targetY}, ${endX} ${targetY}`
    // The cubic's midpoint: (P0 + 3·P1 + 3·P2 + P3) / 8.
    labelX = (sourceX + endX) / 2 + 0.75 * depth
    labelY = (sourceY + targetY) / 2
    arrow = `M ${targetX} ${targetY} L ${endX} ${targetY - half} L ${endX} ${targetY + half} Z`
  }

  const style = { '--agent-hue': hue } as CSSProperties
  return (
    <>
      <g style={style} className="collab-edge" data-emphasis={emphasis}>
        <path d={path} fill="none" stroke="currentColor" strokeWidth={handoff.width} strokeLinecap="round" />
        <path d={arrow} fill="currentColor" stroke="currentColor" strokeWidth={1} strokeLinejoin="round" />
        {/* A wider, invisible twin: thin lines are easy to hover. */}
        <path d={path} fill="none" stroke="transparent" strokeWidth={Math.max(16, handoff.width + 10)} className="react-flow__edge-interaction" />
      </g>
      <EdgeLabelRenderer>
        <div
          aria-hidden
          data-edge={id}
          title={describeHandoff(handoff)}
          onPointerEnter={() => setFocus({ from: handoff.from, to: handoff.to })}
          onPointerLeave={() => setFocus(null)}
          data-emphasis={emphasis}
          style={{ ...style, transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          className="nodrag nopan collab-edge-label absolute rounded-full border bg-card px-1.5 py-px text-[11px] leading-4 font-semibold text-muted-foreground tabular-nums shadow-xs"
        >
          {handoff.count.toLocaleString()}
        </div>
      </EdgeLabelRenderer>
    </>
  )
}
