import type { ReactNode } from 'react'

import { cn } from '@/lib/utils'

/** A centred message that says what happened and what to do next. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  className,
  role,
}: {
  icon?: ReactNode
  title: string
  description?: ReactNode
  action?: ReactNode
  className?: string
  role?: 'alert' | 'status'
}) {
  return (
    <div
      role={role}
      className={cn('flex flex-col items-center justify-center gap-3 px-6 py-16 text-center', className)}
    >
      {icon && (
        <div className="flex size-11 items-center justify-center rounded-full border bg-muted/60 text-muted-foreground [&_svg]:size-5">
          {icon}
        </div>
      )}
      <div className="space-y-1">
        <h2 className="text-base font-semibold">{title}</h2>
        {description && <p className="mx-auto max-w-sm text-sm text-muted-foreground">{description}</p>}
      </div>
      {action && <div className="mt-2 flex gap-2">{action}</div>}
    </div>
  )
}
