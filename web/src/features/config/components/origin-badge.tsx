import { Badge } from '@/components/ui/badge'
import { cn } from '@/lib/utils'

import type { ConfigOrigin } from '../api/types'

// Opaque tints in the light theme (translucent borders fringe on white without a GPU), soft in the dark one.
const TONE: Record<ConfigOrigin, string> = {
  default: 'border-border bg-muted text-muted-foreground',
  flag: 'border-sky-200 bg-sky-50 text-sky-700 dark:border-sky-500/30 dark:bg-sky-500/10 dark:text-sky-300',
  global: 'border-violet-200 bg-violet-50 text-violet-700 dark:border-violet-500/30 dark:bg-violet-500/10 dark:text-violet-300',
  project: 'border-emerald-200 bg-emerald-50 text-emerald-700 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-300',
  agent: 'border-amber-200 bg-amber-50 text-amber-800 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-300',
}

/** Where an effective value comes from. */
export function OriginBadge({ origin, className }: { origin: ConfigOrigin; className?: string }) {
  return (
    <Badge variant="outline" data-origin={origin} className={cn('px-1.5 py-px text-[11px]/4 font-medium', TONE[origin] ?? TONE.default, className)}>
      {origin}
    </Badge>
  )
}
