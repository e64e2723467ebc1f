import { Badge } from '@/components/ui/badge'
import { cn } from '@/lib/utils'

import type { ExecutionStatus, TaskStatus } from '../api/types'

type Tone = 'neutral' | 'live' | 'success' | 'danger' | 'warning' | 'stopped'

const TONE_CLASS: Record<Tone, { badge: string; dot: string }> = {
  neutral: { badge: 'border-border bg-muted text-muted-foreground', dot: 'bg-muted-foreground/60' },
  live: { badge: 'border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-300', dot: 'bg-sky-500' },
  success: { badge: 'border-success/25 bg-success-soft text-success', dot: 'bg-success' },
  danger: { badge: 'border-destructive/25 bg-destructive/10 text-destructive', dot: 'bg-destructive' },
  warning: { badge: 'border-warning/25 bg-warning-soft text-warning', dot: 'bg-warning' },
  stopped: { badge: 'bg-transparent text-muted-foreground', dot: 'border border-muted-foreground/70 bg-transparent' },
}

const EXECUTION: Record<ExecutionStatus, { label: string; tone: Tone }> = {
  queued: { label: 'Queued', tone: 'neutral' },
  running: { label: 'Running', tone: 'live' },
  completed: { label: 'Completed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'stopped' },
  interrupted: { label: 'Interrupted', tone: 'warning' },
}

const TASK: Record<TaskStatus, { label: string; tone: Tone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  running: { label: 'Running', tone: 'live' },
  completed: { label: 'Completed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'stopped' },
  skipped: { label: 'Skipped', tone: 'stopped' },
  timed_out: { label: 'Timed out', tone: 'danger' },
}

function StatusBadge({ label, tone, className }: { label: string; tone: Tone; className?: string }) {
  const style = TONE_CLASS[tone]
  return (
    <Badge variant="outline" className={cn(style.badge, className)}>
      <span aria-hidden className="relative flex size-1.5">
        {tone === 'live' && (
          <span className={cn('absolute inline-flex size-full animate-ping rounded-full opacity-75', style.dot)} />
        )}
        <span className={cn('relative inline-flex size-1.5 rounded-full', style.dot)} />
      </span>
      {label}
    </Badge>
  )
}

export function ExecutionStatusBadge({ status, className }: { status: ExecutionStatus; className?: string }) {
  return <StatusBadge {...EXECUTION[status]} className={className} />
}

export function TaskStatusBadge({ status, className }: { status: TaskStatus; className?: string }) {
  return <StatusBadge {...TASK[status]} className={className} />
}
