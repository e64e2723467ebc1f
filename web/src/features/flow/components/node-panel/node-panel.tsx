import { XIcon } from 'lucide-react'
import type { KeyboardEvent, ReactNode } from 'react'
import { Link } from 'react-router'

import { Button } from '@/components/ui/button'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import type { ExecutionDetail } from '../../api/types'
import { logSubagentId } from '../../lib/execution-graph'
import { STATE_LABELS, type FlowNode } from '../../lib/graph'
import type { TaskLogProps } from '@/lib/execution-graph-slots'
import { STATE_LOOK } from '../node-look'
import { StateIcon } from '../node-state'
import { GroupDetails } from './group-details'
import { PanelActions } from './panel-actions'
import { TaskDetails } from './task-details'

const KIND_LABEL: Record<FlowNode['kind'], string> = { task: 'Task', subagent: 'Subagent', group: 'Group', join: 'Join' }

export type NodePanelProps = {
  node: FlowNode
  /** The whole graph, before grouping: a group's members are looked up in it. */
  nodesById: ReadonlyMap<string, FlowNode>
  execution: ExecutionDetail
  logs: Omit<TaskLogProps, 'taskId' | 'agent' | 'live'>
  live: boolean
  /** An operator may cancel or re-run this Baton-run execution. */
  canControl: boolean
  renderTaskLog: (props: TaskLogProps) => ReactNode
  cancelAction?: ReactNode
  graphPath: (executionId: string) => string
  onClose: () => void
  onSelect: (id: string) => void
  onExpandGroup: (groupKey: string, thenSelect?: string) => void
}

/**
 * The details of the node picked on the graph, in a panel over the canvas's right side: a task's
 * numbers, attempts, prompt, output, tool calls and live log; a group's members. Escape or the
 * close button puts it away.
 */
export function NodePanel(props: NodePanelProps) {
  const { node, execution, live, canControl, onClose } = props
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // React events bubble out of portals: Escape in the cancel dialog or a log filter's menu
    // closes that, not the panel.
    if (event.key !== 'Escape' || event.defaultPrevented || !event.currentTarget.contains(event.target as Node)) return
    onClose()
  }
  const color = agentColor(node.agent)
  const planTask = node.kind === 'task' && execution.plan?.tasks.some((task) => task.id === node.taskId)
  const isTaskLike = node.kind === 'task' || node.kind === 'subagent'

  return (
    <aside
      aria-label={`${KIND_LABEL[node.kind]} ${node.label}`}
      onKeyDown={onKeyDown}
      className="absolute inset-y-0 right-0 z-10 flex w-[min(32rem,100%)] animate-in flex-col overflow-y-auto overscroll-contain border-l bg-background shadow-xl duration-200 fade-in-0 slide-in-from-right-6"
    >
      <header className="sticky top-0 z-10 flex items-start gap-2 border-b bg-background/95 px-4 pt-3 pb-2.5 backdrop-blur">
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-center gap-2">
            <StateIcon state={node.state} className="size-4" />
            <h2 className={cn('truncate text-sm font-semibold', node.kind === 'task' && 'font-mono')} title={node.label}>
              {node.label}
            </h2>
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
            <span>{KIND_LABEL[node.kind]}</span>
            {node.agent && (
              <>
                <span aria-hidden>·</span>
                <Link
                  to={`/agents/${encodeURIComponent(node.agent)}`}
                  className="flex items-center gap-1.5 rounded-sm font-medium text-foreground outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  <span aria-hidden style={color.style} className={cn('size-2 rounded-full', color.dot)} />
                  {node.agent}
                </Link>
              </>
            )}
            <span aria-hidden>·</span>
            <span className={cn('font-medium', STATE_LOOK[node.state].text)}>{STATE_LABELS[node.state]}</span>
            {node.kind === 'task' && node.attempt > 1 && (
              <>
                <span aria-hidden>·</span>
                <span>
                  try {node.attempt}
                  {node.maxAttempts ? ` of ${node.maxAttempts}` : ''}
                </span>
              </>
            )}
          </div>
        </div>
        <Button variant="ghost" size="icon-sm" aria-label="Close details" onClick={onClose} className="-mr-1.5 text-muted-foreground">
          <XIcon />
        </Button>
      </header>
      <div className="grid content-start">
        {isTaskLike && canControl && (
          <div className="px-4 pt-3.5 empty:hidden">
            <PanelActions
              executionId={execution.id}
              taskId={planTask ? node.taskId : null}
              active={live}
              canRerun={Boolean(planTask) && logSubagentId(node) === null}
              cancelAction={props.cancelAction}
              graphPath={props.graphPath}
            />
          </div>
        )}
        <div className="pt-3.5">
          {node.kind === 'group' ? (
            <GroupDetails
              group={node}
              members={(node.members ?? []).map((id) => props.nodesById.get(id)).filter((member): member is FlowNode => Boolean(member))}
              onExpand={() => props.onExpandGroup(node.id.slice('group:'.length))}
              onOpenMember={(id) => props.onExpandGroup(node.id.slice('group:'.length), id)}
            />
          ) : (
            <TaskDetails
              node={node}
              execution={execution}
              logs={props.logs}
              live={live}
              renderTaskLog={props.renderTaskLog}
              onSelect={props.onSelect}
            />
          )}
        </div>
      </div>
    </aside>
  )
}
