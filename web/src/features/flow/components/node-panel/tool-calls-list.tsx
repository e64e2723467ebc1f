import { CircleXIcon, LoaderCircleIcon } from 'lucide-react'

import { formatDuration } from '@/lib/metric-format'
import { cn } from '@/lib/utils'

import type { ToolCall } from '../../lib/tool-calls'

/** Calls shown before "and N more": a long task can make thousands. */
const SHOWN = 150

/** The task's tool calls in order, with how long each took; a subagent's own calls indented. */
export function ToolCallsList({ calls, live }: { calls: readonly ToolCall[]; live: boolean }) {
  if (calls.length === 0) return <p className="text-xs text-muted-foreground">No tool calls{live ? ' yet' : ''}.</p>
  return (
    <div className="grid gap-1">
      <ol aria-label="Tool calls" className="grid overflow-hidden rounded-md border text-xs">
        {calls.slice(0, SHOWN).map((call) => (
          <li
            key={call.id}
            className={cn('flex min-w-0 items-center gap-2 border-b px-2.5 py-1.5 last:border-b-0', call.parentId && 'bg-muted/30 pl-6')}
            title={call.summary}
          >
            <span className="shrink-0 font-mono font-medium">{call.tool}</span>
            <span className="min-w-0 flex-1 truncate text-muted-foreground">{summaryWithoutTool(call)}</span>
            {call.isError && <CircleXIcon aria-label="Failed" className="size-3.5 shrink-0 text-destructive" />}
            <span className="shrink-0 text-muted-foreground tabular-nums">
              {call.completedAt ? (
                formatDuration(call.durationMs)
              ) : live ? (
                <LoaderCircleIcon aria-label="Running" className="size-3.5 animate-spin text-sky-600 dark:text-sky-400" />
              ) : (
                '—'
              )}
            </span>
          </li>
        ))}
      </ol>
      {calls.length > SHOWN && <p className="text-xs text-muted-foreground">…and {calls.length - SHOWN} more in the log.</p>}
    </div>
  )
}

/** The log's summary starts with the tool's name ("Bash ls"); the name already has its column. */
function summaryWithoutTool(call: ToolCall): string {
  return call.summary.startsWith(`${call.tool} `) ? call.summary.slice(call.tool.length + 1) : call.summary
}
