import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

const SHOWN = 5

/** A plan's agents as overlapping colour dots (the first few), their names on hover and for screen readers. */
export function PlanAgents({ agents }: { agents: readonly string[] }) {
  const hidden = agents.length - SHOWN
  return (
    <span className="flex items-center gap-1.5" title={agents.join(', ')}>
      <span aria-hidden className="flex -space-x-1">
        {agents.slice(0, SHOWN).map((agent) => {
          const color = agentColor(agent)
          return <span key={agent} style={color.style} className={cn('size-3 rounded-full ring-2 ring-card', color.dot)} />
        })}
      </span>
      <span className="sr-only">{agents.join(', ')}</span>
      {hidden > 0 && <span aria-hidden className="text-xs text-muted-foreground">+{hidden}</span>}
    </span>
  )
}
