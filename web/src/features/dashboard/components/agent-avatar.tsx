import type { CSSProperties } from 'react'

import { cn } from '@/lib/utils'

import { hueFromName, initialsFromName } from '../lib/agent-color'

/** The agent's initials on its own colour (same name, same colour, everywhere). */
export function AgentAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden
      style={{ '--agent-hue': hueFromName(name) } as CSSProperties}
      className={cn(
        'flex size-9 shrink-0 items-center justify-center rounded-lg text-xs font-semibold tracking-wide',
        'bg-[oklch(0.93_0.05_var(--agent-hue))] text-[oklch(0.42_0.13_var(--agent-hue))]',
        'dark:bg-[oklch(0.32_0.07_var(--agent-hue))] dark:text-[oklch(0.88_0.09_var(--agent-hue))]',
        className,
      )}
    >
      {initialsFromName(name)}
    </span>
  )
}
