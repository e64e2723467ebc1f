import { memo } from 'react'

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import type { LevelFilter } from './lib/filter'

const ALL = '__all__'

const LEVELS: readonly { value: LevelFilter; label: string }[] = [
  { value: 'all', label: 'All levels' },
  { value: 'warn', label: 'Warnings and errors' },
  { value: 'error', label: 'Errors only' },
]

function Dot({ agent }: { agent: string }) {
  const color = agentColor(agent)
  return <span aria-hidden style={color.style} className={cn('mr-2 inline-block size-2 rounded-full align-middle', color.dot)} />
}

/** Task, agent and level pickers. Memoised: the log re-renders on every scrolled frame, they need not. */
export const LogFilters = memo(function LogFilters({
  tasks,
  agents,
  taskAgents,
  task,
  agent,
  level,
  onTaskChange,
  onAgentChange,
  onLevelChange,
}: {
  tasks: readonly string[]
  agents: readonly string[]
  /** The agent of each task, for its colour. */
  taskAgents: ReadonlyMap<string, string>
  task: string | null
  agent: string | null
  level: LevelFilter
  onTaskChange: (task: string | null) => void
  onAgentChange: (agent: string | null) => void
  onLevelChange: (level: LevelFilter) => void
}) {
  // A task picked on the timeline before the plan listed it still shows as picked.
  const taskOptions = task !== null && !tasks.includes(task) ? [...tasks, task] : tasks
  const agentOptions = agent !== null && !agents.includes(agent) ? [...agents, agent] : agents
  return (
    <>
      <Select value={task ?? ALL} onValueChange={(value) => onTaskChange(value === ALL ? null : value)}>
        <SelectTrigger aria-label="Filter log by task" className={cn('w-full lg:w-36', task !== null && 'border-ring/60 bg-accent/50')}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All tasks</SelectItem>
          {taskOptions.map((id) => {
            const owner = taskAgents.get(id)
            return (
              <SelectItem key={id} value={id}>
                {owner && <Dot agent={owner} />}
                <span className="font-mono text-xs">{id}</span>
              </SelectItem>
            )
          })}
        </SelectContent>
      </Select>
      <Select value={agent ?? ALL} onValueChange={(value) => onAgentChange(value === ALL ? null : value)}>
        <SelectTrigger aria-label="Filter log by agent" className={cn('w-full lg:w-44', agent !== null && 'border-ring/60 bg-accent/50')}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All agents</SelectItem>
          {agentOptions.map((name) => (
            <SelectItem key={name} value={name}>
              <Dot agent={name} />
              {name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select value={level} onValueChange={(value) => onLevelChange(value as LevelFilter)}>
        <SelectTrigger aria-label="Filter log by level" className={cn('w-full lg:w-44', level !== 'all' && 'border-ring/60 bg-accent/50')}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {LEVELS.map((l) => (
            <SelectItem key={l.value} value={l.value}>
              {l.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </>
  )
})
