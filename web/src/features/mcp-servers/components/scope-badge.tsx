import { Badge } from '@/components/ui/badge'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'

import type { McpScope } from '../api/types'
import { SCOPE_LABELS, scopeSource } from '../lib/checks'

const STYLE: Record<McpScope, string> = {
  user: 'text-muted-foreground',
  local: 'border-sky-200 bg-sky-50 text-sky-700 dark:border-sky-500/30 dark:bg-sky-500/10 dark:text-sky-300',
  project: 'border-violet-200 bg-violet-50 text-violet-700 dark:border-violet-500/30 dark:bg-violet-500/10 dark:text-violet-300',
  baton: 'border-teal-200 bg-teal-50 text-teal-700 dark:border-teal-500/30 dark:bg-teal-500/10 dark:text-teal-300',
}

export function ScopeBadge({ scope, overriddenBy }: { scope: McpScope; overriddenBy?: string | null }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Tooltip>
        <TooltipTrigger asChild>
          <Badge variant="outline" className={cn('cursor-default', STYLE[scope])} tabIndex={0}>
            {SCOPE_LABELS[scope] ?? scope}
          </Badge>
        </TooltipTrigger>
        <TooltipContent>From {scopeSource(scope)}</TooltipContent>
      </Tooltip>
      {overriddenBy && (
        <Badge variant="muted">overridden by {overriddenBy}</Badge>
      )}
    </span>
  )
}
