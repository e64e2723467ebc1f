import { BotIcon, GripVerticalIcon, SearchIcon } from 'lucide-react'
import { useId, useState, type DragEvent } from 'react'

import { ErrorState } from '@/components/error-state'
import { Input } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import { AGENT_DRAG_TYPE, matchesAgent, summary, type AgentOption } from '../lib/agents'

export type AgentCatalog = {
  agents: AgentOption[] | undefined
  loading: boolean
  error: Error | null
  retry: () => void
}

/**
 * The agents a task can run, to drag onto the canvas. Each is also a button: Enter or a click adds
 * the task without a mouse drag.
 */
export function AgentPalette({ catalog, onAdd }: { catalog: AgentCatalog; onAdd: (agent: string) => void }) {
  const [query, setQuery] = useState('')
  const hintId = useId()
  const shown = catalog.agents?.filter((agent) => matchesAgent(agent, query)) ?? []

  return (
    <section aria-labelledby={`${hintId}-title`} className="flex min-h-0 flex-col">
      <div className="grid gap-2 border-b p-3">
        <h2 id={`${hintId}-title`} className="text-xs font-medium tracking-wide text-muted-foreground uppercase">
          Agents
        </h2>
        <div className="relative">
          <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-muted-foreground" />
          <Input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Search agents" aria-label="Search agents" className="h-8 pl-8 text-[13px]" />
        </div>
        <p id={hintId} className="text-xs text-muted-foreground">
          Drag onto the canvas, or press Enter to add.
        </p>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-1.5">
        {catalog.loading ? (
          <div className="grid gap-2 p-1.5" aria-busy="true" aria-label="Loading agents">
            {[0, 1, 2, 3].map((row) => (
              <Skeleton key={row} className="h-10" />
            ))}
          </div>
        ) : catalog.error ? (
          <ErrorState title="Could not load the agents" error={catalog.error} onRetry={catalog.retry} />
        ) : shown.length === 0 ? (
          <div className="grid justify-items-center gap-2 px-3 py-8 text-center text-xs text-muted-foreground">
            <BotIcon aria-hidden className="size-5" />
            {query ? `No agent matches “${query}”.` : 'No agents yet: add agent files to ~/.claude/agents, or configure one.'}
          </div>
        ) : (
          <ul aria-label="Agent palette" className="grid gap-0.5">
            {shown.map((agent) => (
              <li key={agent.name}>
                <PaletteItem agent={agent} describedBy={hintId} onAdd={onAdd} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}

function PaletteItem({ agent, describedBy, onAdd }: { agent: AgentOption; describedBy: string; onAdd: (agent: string) => void }) {
  const color = agentColor(agent.name, agent.color)
  const startDrag = (event: DragEvent) => {
    event.dataTransfer.setData(AGENT_DRAG_TYPE, agent.name)
    event.dataTransfer.setData('text/plain', agent.name)
    event.dataTransfer.effectAllowed = 'copy'
  }
  const about = summary(agent.description)
  return (
    <button
      type="button"
      draggable
      onDragStart={startDrag}
      onClick={() => onAdd(agent.name)}
      aria-describedby={describedBy}
      title={about || undefined}
      className={cn(
        'group/item flex w-full cursor-grab items-start gap-2.5 rounded-md px-2 py-1.5 text-left outline-none active:cursor-grabbing',
        'hover:bg-accent focus-visible:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50',
      )}
    >
      <span aria-hidden style={color.style} className={cn('mt-1.5 size-2 shrink-0 rounded-full', color.dot)} />
      <span className="grid min-w-0 flex-1">
        <span className="truncate text-[13px] font-medium">{agent.name}</span>
        {about && <span className="truncate text-xs text-muted-foreground">{about}</span>}
      </span>
      <GripVerticalIcon aria-hidden className="mt-1 size-3.5 shrink-0 text-muted-foreground/50 opacity-0 transition-opacity group-hover/item:opacity-100" />
    </button>
  )
}
