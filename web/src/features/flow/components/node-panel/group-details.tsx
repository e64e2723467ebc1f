import { FoldVerticalIcon } from 'lucide-react'

import { Button } from '@/components/ui/button'
import { formatUsd } from '@/lib/metric-format'

import { STATE_LABELS, type FlowNode, type NodeState } from '../../lib/graph'
import { StateDot, StateIcon } from '../node-state'
import { PanelSection } from './panel-parts'

/** A collapsed group: its members' states counted, its members listed, and the way to open it. */
export function GroupDetails({
  group,
  members,
  onExpand,
  onOpenMember,
}: {
  group: FlowNode
  members: readonly FlowNode[]
  onExpand: () => void
  onOpenMember: (id: string) => void
}) {
  const counts = Object.entries(group.counts ?? {}) as [NodeState, number][]
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-4 pb-3.5 text-xs text-muted-foreground">
        {counts.map(([state, count]) => (
          <span key={state} className="flex items-center gap-1.5">
            <StateDot state={state} />
            {count} {STATE_LABELS[state].toLowerCase()}
          </span>
        ))}
        {group.costUsd > 0 && <span className="ml-auto font-mono">{formatUsd(group.costUsd)}</span>}
      </div>
      <div className="px-4 pb-3.5">
        <Button variant="outline" size="sm" onClick={onExpand}>
          <FoldVerticalIcon />
          Expand group
        </Button>
      </div>
      <PanelSection title="Members" aside={members.length}>
        <ul className="grid gap-0.5">
          {members.map((member) => (
            <li key={member.id}>
              <button
                type="button"
                onClick={() => onOpenMember(member.id)}
                className="flex w-full min-w-0 cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left text-xs outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                <StateIcon state={member.state} />
                <span className={member.kind === 'task' ? 'truncate font-mono' : 'truncate'}>{member.label}</span>
                <span className="ml-auto shrink-0 truncate text-muted-foreground">{member.agent}</span>
              </button>
            </li>
          ))}
        </ul>
      </PanelSection>
    </>
  )
}
