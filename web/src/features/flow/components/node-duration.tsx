import { useNow } from '@/hooks/use-now'
import { formatDuration } from '@/lib/metric-format'

import { durationOf } from '../lib/color-scale'

/**
 * How long a node ran, counting up while it runs. Only this span ticks each second (each running
 * node has its own), so the node around it and the rest of the graph never re-render for time.
 */
export function NodeDuration({ startedAt, completedAt }: { startedAt: string | null; completedAt: string | null }) {
  if (!startedAt) return null
  if (completedAt) return <span>{formatDuration(durationOf({ startedAt, completedAt }, 0))}</span>
  return <TickingDuration startedAt={startedAt} />
}

function TickingDuration({ startedAt }: { startedAt: string }) {
  const now = useNow(1000)
  return <span>{formatDuration(durationOf({ startedAt, completedAt: null }, now))}</span>
}
