import { Badge } from '@/components/ui/badge'
import { cn } from '@/lib/utils'

import type { ProjectStatus } from '../api/types'

const STYLES: Record<ProjectStatus, { label: string; variant: 'success' | 'muted' | 'outline'; dot: string }> = {
  active: { label: 'Active', variant: 'success', dot: 'bg-success' },
  inactive: { label: 'Inactive', variant: 'muted', dot: 'bg-muted-foreground/60' },
  archived: { label: 'Archived', variant: 'outline', dot: 'border border-muted-foreground/70 bg-transparent' },
}

export function ProjectStatusBadge({ status, className }: { status: ProjectStatus; className?: string }) {
  const style = STYLES[status]
  return (
    <Badge variant={style.variant} className={cn(status === 'archived' && 'text-muted-foreground', className)}>
      <span aria-hidden className={cn('size-1.5 rounded-full', style.dot)} />
      {style.label}
    </Badge>
  )
}
