import {
  BanIcon,
  CircleCheckIcon,
  CircleDashedIcon,
  CircleXIcon,
  LoaderCircleIcon,
  PencilLineIcon,
  SkipForwardIcon,
  TimerOffIcon,
  type LucideIcon,
} from 'lucide-react'
import type { CSSProperties } from 'react'

import type { NodeState } from '../lib/graph'

type StateLook = {
  icon: LucideIcon
  /** The icon's and the state label's colour. */
  text: string
  /** The node's border and background. */
  node: string
  /** A legend swatch or a count's dot. */
  dot: string
}

/** How each state looks on a node: live work in sky, trouble in red, what did not run muted and dashed. */
export const STATE_LOOK: Record<NodeState, StateLook> = {
  pending: { icon: CircleDashedIcon, text: 'text-muted-foreground', node: 'border-border', dot: 'bg-muted-foreground/45' },
  running: {
    icon: LoaderCircleIcon,
    text: 'text-sky-600 dark:text-sky-400',
    node: 'border-sky-500/70 dark:border-sky-400/60',
    dot: 'bg-sky-500',
  },
  completed: { icon: CircleCheckIcon, text: 'text-success', node: 'border-border', dot: 'bg-success' },
  failed: { icon: CircleXIcon, text: 'text-destructive', node: 'border-destructive/70 bg-destructive/[0.04]', dot: 'bg-destructive' },
  timed_out: { icon: TimerOffIcon, text: 'text-destructive', node: 'border-destructive/70 bg-destructive/[0.04]', dot: 'bg-destructive' },
  cancelled: { icon: BanIcon, text: 'text-muted-foreground', node: 'border-dashed border-muted-foreground/40 opacity-70', dot: 'border border-muted-foreground/70' },
  skipped: { icon: SkipForwardIcon, text: 'text-muted-foreground', node: 'border-dashed border-muted-foreground/40 opacity-70', dot: 'border border-muted-foreground/70' },
  draft: { icon: PencilLineIcon, text: 'text-muted-foreground', node: 'border-border', dot: 'bg-muted-foreground/45' },
}

/** Tinted by the view's colour scale, when it has one for this node (see flow.css). */
export function accentStyle(accent: string | null): CSSProperties | undefined {
  return accent ? ({ '--flow-accent': accent } as CSSProperties) : undefined
}
