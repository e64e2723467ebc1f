import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'

/**
 * "—" where an integration reported no figure, rather than a zero that reads as "free"; the tooltip
 * (and, for screen readers, the text) says why.
 */
export function Unreported({ note, className }: { note: string; className?: string }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span data-unreported className={cn('cursor-default font-sans text-muted-foreground', className)}>
          <span aria-hidden>—</span>
          <span className="sr-only">{note}</span>
        </span>
      </TooltipTrigger>
      <TooltipContent>{note}</TooltipContent>
    </Tooltip>
  )
}
