import { LayoutGridIcon, PlusIcon } from 'lucide-react'

import { Button } from '@/components/ui/button'

import type { AgentOption } from '../lib/agents'
import type { PlanProblem } from '../lib/plan-problems'
import { AgentPicker } from './agent-picker'
import { ProblemsButton } from './problems-button'

type CanvasToolbarProps = {
  agents: readonly AgentOption[]
  problems: readonly PlanProblem[]
  readOnly: boolean
  canLayOut: boolean
  onAdd: (agent: string) => void
  onAutoLayout: () => void
  onSelectProblem: (problem: PlanProblem) => void
}

/** Add task (the keyboard's way to add one), Auto-layout and the problems, over the canvas's top left. */
export function CanvasToolbar({ agents, problems, readOnly, canLayOut, onAdd, onAutoLayout, onSelectProblem }: CanvasToolbarProps) {
  return (
    <div role="toolbar" aria-label="Canvas" className="flex flex-wrap items-center gap-2">
      {!readOnly && (
        <AgentPicker agents={agents} onPick={onAdd} label="Add a task for an agent" returnFocus={false}>
          <Button size="sm" variant="outline" className="bg-background shadow-xs">
            <PlusIcon />
            Add task
          </Button>
        </AgentPicker>
      )}
      <Button size="sm" variant="outline" className="bg-background shadow-xs" onClick={onAutoLayout} disabled={!canLayOut} aria-label="Auto-layout" title="Auto-layout: arrange the tasks in layers">
        <LayoutGridIcon />
        <span className="hidden 2xl:inline">Auto-layout</span>
      </Button>
      <ProblemsButton problems={problems} onSelect={onSelectProblem} />
    </div>
  )
}
