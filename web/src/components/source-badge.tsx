import {
  BotIcon,
  CircleHelpIcon,
  FolderOpenIcon,
  SquareTerminalIcon,
  WebhookIcon,
  WorkflowIcon,
  type LucideIcon,
} from 'lucide-react'

import { Badge } from '@/components/ui/badge'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { executionOrigin, type ExecutionOrigin, type SourceFields } from '@/lib/execution-source'
import { cn } from '@/lib/utils'

const STYLE: Record<ExecutionOrigin['key'], { icon: LucideIcon; className: string }> = {
  plan: { icon: WorkflowIcon, className: 'text-muted-foreground' },
  agent: { icon: BotIcon, className: 'text-muted-foreground' },
  // Opaque in the light theme: Chromium without a GPU draws a translucent orange border's rounded
  // corners with teal fringes on white.
  hooks: {
    icon: SquareTerminalIcon,
    className: 'border-orange-200 bg-orange-50 text-orange-700 dark:border-orange-500/30 dark:bg-orange-500/10 dark:text-orange-300',
  },
  notify: { icon: WebhookIcon, className: 'border-teal-200 bg-teal-50 text-teal-700 dark:border-teal-500/30 dark:bg-teal-500/10 dark:text-teal-300' },
  workspace: {
    icon: FolderOpenIcon,
    className: 'border-teal-200 bg-teal-50 text-teal-700 dark:border-teal-500/30 dark:bg-teal-500/10 dark:text-teal-300',
  },
  other: { icon: CircleHelpIcon, className: 'text-muted-foreground' },
}

/**
 * Where an execution came from: a plan or an agent Baton started, a Claude Code session, an
 * orchestrator.sh run. The tooltip says how Baton learnt of it; screen readers get it as text.
 */
export function SourceBadge({ execution, className }: { execution: SourceFields; className?: string }) {
  const origin = executionOrigin(execution)
  const { icon: Icon, className: tone } = STYLE[origin.key]
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Badge
          variant="outline"
          data-source={origin.key}
          className={cn('cursor-default gap-1 px-1.5 py-px text-[11px]/4 font-normal', tone, className)}
        >
          <Icon aria-hidden />
          <span>{origin.label}</span>
          <span className="sr-only">({origin.description})</span>
        </Badge>
      </TooltipTrigger>
      <TooltipContent>{origin.description}</TooltipContent>
    </Tooltip>
  )
}
