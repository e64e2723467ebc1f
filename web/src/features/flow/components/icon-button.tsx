import type { ReactNode } from 'react'

import { Button } from '@/components/ui/button'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'

/**
 * The graph's icon-sized controls (toolbar and zoom) share one look, their label as a tooltip;
 * toggles pass `pressed`, and pressed ones sit on the accent background.
 */
export function GraphIconButton({
  label,
  onClick,
  pressed,
  side,
  children,
}: {
  label: string
  onClick: () => void
  pressed?: boolean
  side?: 'top' | 'right' | 'bottom' | 'left'
  children: ReactNode
}) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={label}
          aria-pressed={pressed}
          onClick={onClick}
          className={cn('size-7 text-muted-foreground', pressed && 'bg-accent text-foreground')}
        >
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent side={side}>{label}</TooltipContent>
    </Tooltip>
  )
}
