import { cn } from '@/lib/utils'

import type { NodeState } from '../lib/graph'
import { STATE_LOOK } from './node-look'

export function StateIcon({ state, className }: { state: NodeState; className?: string }) {
  const { icon: Icon, text } = STATE_LOOK[state]
  return <Icon aria-hidden className={cn('size-3.5 shrink-0', text, state === 'running' && 'animate-spin', className)} />
}

export function StateDot({ state, className }: { state: NodeState; className?: string }) {
  return <span aria-hidden className={cn('inline-block size-2 shrink-0 rounded-full', STATE_LOOK[state].dot, className)} />
}
