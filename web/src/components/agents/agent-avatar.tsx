import { agentColor, initialsFromName } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

/**
 * The agent's initials on its own colour (same name, same colour, everywhere); `color` is the one
 * its file declares, when the caller knows it.
 */
export function AgentAvatar({ name, color, className }: { name: string; color?: string | null; className?: string }) {
  const palette = agentColor(name, color)
  return (
    <span
      aria-hidden
      style={palette.style}
      className={cn(
        'flex size-9 shrink-0 items-center justify-center rounded-lg text-xs font-semibold tracking-wide',
        palette.soft,
        className,
      )}
    >
      {initialsFromName(name)}
    </span>
  )
}
