import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'

import { summarizeTools } from '../lib/format'

const CHIP = 'inline-flex h-5 items-center rounded-md border bg-muted/60 px-1.5 font-mono text-[11px] text-muted-foreground'

/** The first few tools as chips and "+N" for the rest (listed on hover), or "All tools". */
export function ToolChips({ tools, max = 3, className }: { tools?: string[] | null; max?: number; className?: string }) {
  const summary = summarizeTools(tools, max)
  if (summary.all) {
    return (
      <span className={cn(CHIP, 'w-fit font-sans', className)} title="The file does not limit its tools">
        All tools
      </span>
    )
  }
  if (summary.total === 0) return <span className={cn(CHIP, 'w-fit font-sans', className)}>No tools</span>
  const rest = tools!.slice(summary.shown.length)
  return (
    <ul className={cn('flex min-w-0 flex-wrap gap-1', className)} aria-label="Tools">
      {summary.shown.map((tool) => (
        <li key={tool} className={CHIP}>
          {tool}
        </li>
      ))}
      {summary.more > 0 && (
        <li className="relative z-10">
          <Tooltip>
            <TooltipTrigger asChild>
              <button type="button" className={cn(CHIP, 'cursor-default font-sans outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50')}>
                +{summary.more}
                <span className="sr-only"> more tools: {rest.join(', ')}</span>
              </button>
            </TooltipTrigger>
            <TooltipContent className="max-w-64 font-mono">{rest.join(', ')}</TooltipContent>
          </Tooltip>
        </li>
      )}
    </ul>
  )
}
