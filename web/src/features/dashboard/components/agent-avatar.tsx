import { agentColor, initialsFromName } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

/** The agent's initials on its own colour (same name, same colour, everywhere). */
export function AgentAvatar({ name, className }: { name: string; className?: string }) {
  const color = agentColor(name)
  return (
    <span
      aria-hidden
      style={color.style}
      className={cn(
        'flex size-9 shrink-0 items-center justify-center rounded-lg text-xs font-semibold tracking-wide',
        color.soft,
        className,
      )}
    >
      {initialsFromName(name)}
    </span>
  )
}
