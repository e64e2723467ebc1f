import { Badge } from '@/components/ui/badge'
import { cn } from '@/lib/utils'

import type { TaskStatus } from '../api/types'

const TASK: Record<TaskStatus, { label: string; badge: string; dot: string }> = {
  pending: { label: 'Pending', badge: 'border-border bg-muted text-muted-foreground', dot: 'bg-muted-foreground/60' },
  running: { label: 'Running', badge: 'border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-300', dot: 'bg-sky-500' },
  completed: { label: 'Completed', badge: 'border-success/25 bg-success-soft text-success', dot: 'bg-success' },
  failed: { label: 'Failed', badge: 'border-destructive/25 bg-destructive/10 text-destructive', dot: 'bg-destructive' },
  timed_out: { label: 'Timed out', badge: 'border-destructive/25 bg-destructive/10 text-destructive', dot: 'bg-destructive' },
  cancelled: { label: 'Cancelled', badge: 'bg-transparent text-muted-foreground', dot: 'border border-muted-foreground/70 bg-transparent' },
  skipped: { label: 'Skipped', badge: 'bg-transparent text-muted-foreground', dot: 'border border-muted-foreground/70 bg-transparent' },
}

/**
 * A task attempt's state, styled like the executions pages' badges (features may not share
 * components; move both to src/components when one of them changes next).
 */
export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const style = TASK[status] ?? TASK.pending
  return (
    <Badge variant="outline" className={style.badge}>
      <span aria-hidden className="relative flex size-1.5">
        {status === 'running' && <span className={cn('absolute inline-flex size-full animate-ping rounded-full opacity-75', style.dot)} />}
        <span className={cn('relative inline-flex size-1.5 rounded-full', style.dot)} />
      </span>
      {style.label}
    </Badge>
  )
}
