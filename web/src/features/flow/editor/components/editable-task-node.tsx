import { Handle, Position, type NodeProps } from '@xyflow/react'
import { CircleAlertIcon, RotateCcwIcon, TimerIcon } from 'lucide-react'
import { memo } from 'react'

import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import type { DraftTaskNode } from '../lib/task-node-data'

const HANDLE = cn(
  '!size-3 !rounded-full !border-2 !border-muted-foreground/60 !bg-background transition-[border-color,transform]',
  'hover:!scale-125 hover:!border-foreground',
)

/**
 * A task of the plan being edited: its agent's colour and name, its id, the start of its prompt,
 * and a red mark with the problems when it has any. Its top handle takes dependencies, its bottom
 * one gives them: drag from one task's bottom to another's top to make the second wait for the first.
 */
export const EditableTaskNode = memo(function EditableTaskNode({ data, selected }: NodeProps<DraftTaskNode>) {
  const { task, problems, readOnly } = data
  const color = agentColor(task.agent || null, data.agentColor)
  const hasProblems = problems.length > 0
  return (
    <div
      data-state="draft"
      className={cn(
        'group/node relative flex w-60 rounded-lg border bg-card text-card-foreground shadow-xs transition-[border-color,box-shadow]',
        'hover:border-foreground/25 hover:shadow-md',
        selected && 'border-ring shadow-md ring-[3px] ring-ring/35',
        hasProblems && 'border-destructive/70 hover:border-destructive',
        hasProblems && selected && 'ring-destructive/25',
      )}
    >
      <Handle type="target" position={Position.Top} className={HANDLE} isConnectable={!readOnly} />
      <span aria-hidden style={color.style} className={cn('w-1 shrink-0 rounded-l-[7px]', color.dot)} />
      <div className="grid min-w-0 flex-1 gap-1 px-3 py-2.5">
        <div className="flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
          <span aria-hidden style={color.style} className={cn('size-1.5 shrink-0 rounded-full', color.dot)} />
          <span className="truncate">{task.agent || <em>no agent</em>}</span>
          <span className="ml-auto flex shrink-0 items-center gap-1.5 tabular-nums">
            {task.timeout && (
              <span className="flex items-center gap-0.5" title={`Timeout ${task.timeout}`}>
                <TimerIcon aria-hidden className="size-3" />
                {task.timeout}
              </span>
            )}
            {task.retries !== undefined && task.retries > 0 && (
              <span className="flex items-center gap-0.5" title={`${task.retries} ${task.retries === 1 ? 'retry' : 'retries'}`}>
                <RotateCcwIcon aria-hidden className="size-3" />
                {task.retries}
              </span>
            )}
            {hasProblems && <ProblemMark messages={problems.map((problem) => problem.message)} />}
          </span>
        </div>
        <div className="truncate font-mono text-[13px] font-medium">{task.id || <em className="font-sans text-muted-foreground">no id</em>}</div>
        <p className={cn('line-clamp-2 text-xs leading-snug', task.prompt ? 'text-muted-foreground' : 'text-muted-foreground/60 italic')}>
          {task.prompt || 'No prompt'}
        </p>
      </div>
      <Handle type="source" position={Position.Bottom} className={HANDLE} isConnectable={!readOnly} />
    </div>
  )
})

/** A red badge in the corner; hovering or focusing it lists the problems. */
function ProblemMark({ messages }: { messages: string[] }) {
  const label = `${messages.length} ${messages.length === 1 ? 'problem' : 'problems'}: ${messages.join('; ')}`
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          aria-label={label}
          className="nodrag -my-1 -mr-1 flex size-5 cursor-help items-center justify-center rounded-full bg-destructive/10 text-destructive outline-none focus-visible:ring-[3px] focus-visible:ring-destructive/40"
        >
          <CircleAlertIcon aria-hidden className="size-3.5" />
        </button>
      </TooltipTrigger>
      <TooltipContent side="top" className="max-w-72">
        <ul className="grid gap-0.5">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </TooltipContent>
    </Tooltip>
  )
}
