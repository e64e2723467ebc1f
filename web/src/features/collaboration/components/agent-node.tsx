import { Handle, Position, type NodeProps } from '@xyflow/react'
import { RepeatIcon } from 'lucide-react'

import { AgentAvatar } from '@/components/agents/agent-avatar'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import { HANDLES, NODE_HEIGHT, NODE_WIDTH, type AgentFlowNode } from '../lib/flow-elements'

// Invisible (collaboration-graph.css): edges attach to them, nobody draws new ones.
const HANDLE = 'collab-handle'

function count(n: number, one: string, many: string) {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`
}

/** An agent: its colour, name, how much it did in the range, and work it handed to itself. */
export function AgentNode({ data }: NodeProps<AgentFlowNode>) {
  const { vertex, color, emphasis } = data
  const palette = agentColor(vertex.agent, color)
  return (
    <div
      data-emphasis={emphasis}
      style={{ ...palette.style, width: NODE_WIDTH, height: NODE_HEIGHT }}
      className="collab-node flex cursor-pointer items-center gap-3 rounded-xl border bg-card px-3 text-card-foreground shadow-xs hover:shadow-md"
    >
      <Handle type="target" id={HANDLES.down.target} position={Position.Top} isConnectable={false} className={HANDLE} />
      <Handle type="source" id={HANDLES.down.source} position={Position.Bottom} isConnectable={false} className={HANDLE} />
      <Handle type="source" id={HANDLES.skip.source} position={Position.Left} isConnectable={false} className={HANDLE} style={{ top: '70%' }} />
      <Handle type="target" id={HANDLES.skip.target} position={Position.Left} isConnectable={false} className={HANDLE} style={{ top: '30%' }} />
      <Handle type="source" id={HANDLES.up.source} position={Position.Right} isConnectable={false} className={HANDLE} style={{ top: '30%' }} />
      <Handle type="target" id={HANDLES.up.target} position={Position.Right} isConnectable={false} className={HANDLE} style={{ top: '70%' }} />
      <AgentAvatar name={vertex.agent} color={color} className="size-8 text-[11px]" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" title={vertex.agent}>
          {vertex.agent}
        </p>
        <p className="truncate text-xs text-muted-foreground tabular-nums">
          {count(vertex.tasks, 'task', 'tasks')} · {count(vertex.executions, 'run', 'runs')}
        </p>
      </div>
      {vertex.selfHandoffs > 0 && (
        <span
          title={`Hands work to itself ${count(vertex.selfHandoffs, 'time', 'times')}`}
          className={cn('inline-flex shrink-0 items-center gap-0.5 rounded-full px-1.5 py-0.5 text-[11px] font-medium tabular-nums', palette.soft)}
        >
          <RepeatIcon aria-hidden className="size-3" />
          {vertex.selfHandoffs.toLocaleString()}
        </span>
      )}
    </div>
  )
}
