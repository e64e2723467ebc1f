import type { ComponentProps } from 'react'

import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

/** An agent's card: a bordered box with a thin strip of the agent's colour, brighter while it works. */
export function AgentCardFrame({
  name,
  color,
  running,
  className,
  ...props
}: Omit<ComponentProps<'article'>, 'color'> & { name: string; color?: string | null; running: boolean }) {
  return (
    <article
      aria-label={name}
      data-state={running ? 'running' : 'idle'}
      style={agentColor(name, color).style}
      className={cn(
        'relative flex flex-col gap-3 overflow-hidden rounded-xl border bg-card p-4 shadow-xs transition-colors',
        'before:absolute before:inset-y-0 before:left-0 before:w-[3px] before:bg-[oklch(0.7_0.12_var(--agent-hue))]',
        running ? 'before:opacity-100' : 'before:opacity-30',
        className,
      )}
      {...props}
    />
  )
}
