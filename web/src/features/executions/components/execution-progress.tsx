import { cn } from '@/lib/utils'

import type { Totals } from '../api/types'
import { computeProgress, type ProgressSegment } from '../lib/status'

const SEGMENT_CLASS: Record<ProgressSegment['key'], string> = {
  completed: 'bg-success',
  failed: 'bg-destructive',
  stopped: 'bg-muted-foreground/40',
}

/** A bar of the tasks that ended, coloured by outcome, with "5 of 7 tasks" beside it. */
export function ExecutionProgress({
  totals,
  label = 'Progress',
  showCount = true,
  className,
}: {
  totals: Totals
  label?: string
  showCount?: boolean
  className?: string
}) {
  const progress = computeProgress(totals)
  return (
    <div className={cn('flex min-w-0 items-center gap-2.5', className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.finished}
        aria-valuetext={`${progress.finished} of ${progress.total} tasks finished`}
        className="flex h-1.5 min-w-12 flex-1 overflow-hidden rounded-full bg-muted"
      >
        {progress.segments.map((segment) => (
          <div
            key={segment.key}
            className={cn('h-full transition-[width] duration-500', SEGMENT_CLASS[segment.key])}
            style={{ width: `${segment.percent}%` }}
          />
        ))}
      </div>
      {showCount && (
        <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
          {progress.finished}/{progress.total}
        </span>
      )}
    </div>
  )
}
