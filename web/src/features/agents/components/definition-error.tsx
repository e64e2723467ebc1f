import { TriangleAlertIcon } from 'lucide-react'

import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'

/** The marker of an agent whose file could not be parsed; the reason on hover and focus. */
export function DefinitionErrorMarker({ error, className }: { error: string; className?: string }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          aria-label={`The agent file could not be read: ${error}`}
          className={cn('flex size-5 shrink-0 cursor-default items-center justify-center rounded-sm text-warning outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50', className)}
        >
          <TriangleAlertIcon className="size-4" />
        </button>
      </TooltipTrigger>
      <TooltipContent className="max-w-80">
        <p className="font-medium">The agent file could not be read</p>
        <p className="mt-0.5 font-mono break-words opacity-80">{error}</p>
      </TooltipContent>
    </Tooltip>
  )
}

/** The same, spelled out: what went wrong and where, and what still works. */
export function DefinitionErrorBanner({ error, path }: { error: string; path?: string | null }) {
  return (
    <div role="alert" className="flex gap-3 rounded-xl border border-warning/30 bg-warning-soft px-4 py-3 text-sm">
      <TriangleAlertIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
      <div className="min-w-0 space-y-1">
        <p className="font-medium text-warning">The agent file could not be read</p>
        <p className="font-mono text-[13px] break-words text-foreground/80">{error}</p>
        <p className="text-muted-foreground">
          Fix the front matter{path ? <> in <code className="font-mono text-[13px] break-all">{path}</code></> : null}; the page updates as soon as
          the file is saved. Until then Baton shows what it could read.
        </p>
      </div>
    </div>
  )
}
