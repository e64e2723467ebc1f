import { cn } from '@/lib/utils'

import type { McpStatus } from '../api/types'

const STYLE: Record<McpStatus, { dot: string; label: string }> = {
  ok: { dot: 'bg-success', label: 'OK' },
  down: { dot: 'bg-destructive', label: 'Down' },
  unknown: { dot: 'bg-muted-foreground/50', label: 'Unknown' },
}

/** A coloured dot with the status in words (colour alone says nothing to some people). */
export function StatusDot({ status, className }: { status: McpStatus; className?: string }) {
  const style = STYLE[status] ?? STYLE.unknown
  return (
    <span className={cn('inline-flex items-center gap-1.5 text-sm', className)} data-status={status}>
      <span aria-hidden className={cn('size-2 shrink-0 rounded-full', style.dot)} />
      {style.label}
    </span>
  )
}
