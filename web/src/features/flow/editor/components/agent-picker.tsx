import { CheckIcon } from 'lucide-react'
import { useState, type ReactNode } from 'react'

import { Command, CommandEmpty, CommandInput, CommandItem, CommandList } from '@/components/ui/command'
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import { summary, type AgentOption } from '../lib/agents'

type AgentPickerProps = {
  agents: readonly AgentOption[]
  /** The agent chosen now, ticked in the list. */
  value?: string
  onPick: (agent: string) => void
  /** The button that opens the list (a PopoverTrigger child). */
  children: ReactNode
  label: string
  align?: 'start' | 'end'
  /** False when picking moves focus elsewhere (e.g. into the new task's inspector). */
  returnFocus?: boolean
}

/** A searchable list of the catalog's agents in a popover: "Add task" and the inspector's agent field. */
export function AgentPicker({ agents, value, onPick, children, label, align = 'start', returnFocus = true }: AgentPickerProps) {
  const [open, setOpen] = useState(false)
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>{children}</PopoverTrigger>
      <PopoverContent align={align} className="w-80 p-0" onCloseAutoFocus={returnFocus ? undefined : (event) => event.preventDefault()}>
        <Command label={label}>
          <CommandInput placeholder="Search agents…" aria-label="Search agents" />
          <CommandList className="max-h-72 px-1.5">
            <CommandEmpty>No agent matches.</CommandEmpty>
            {agents.map((agent) => {
              const color = agentColor(agent.name, agent.color)
              const about = summary(agent.description, 60)
              return (
                <CommandItem
                  key={agent.name}
                  value={agent.name}
                  keywords={[agent.description ?? '', agent.category ?? '']}
                  onSelect={() => {
                    onPick(agent.name)
                    setOpen(false)
                  }}
                >
                  <span aria-hidden style={color.style} className={cn('size-2 shrink-0 rounded-full', color.dot)} />
                  <span className="grid min-w-0 flex-1">
                    <span className="truncate">{agent.name}</span>
                    {about && <span className="truncate text-xs text-muted-foreground">{about}</span>}
                  </span>
                  {agent.name === value && <CheckIcon aria-hidden className="size-4" />}
                </CommandItem>
              )
            })}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  )
}
