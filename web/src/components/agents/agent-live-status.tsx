import { Link } from 'react-router'

import { RelativeTime } from '@/components/relative-time'
import { useNow } from '@/hooks/use-now'
import { isRunning, type AgentLiveState, type AgentRun } from '@/lib/agent-runs'
import { formatDuration } from '@/lib/metric-format'
import { cn } from '@/lib/utils'

/** A dot that pulses while the agent works. */
export function AgentStateDot({ running }: { running: boolean }) {
  return (
    <span aria-hidden className="relative flex size-2">
      {running && <span className="absolute inline-flex size-full animate-ping rounded-full bg-sky-500 opacity-75" />}
      <span className={cn('relative inline-flex size-2 rounded-full', running ? 'bg-sky-500' : 'bg-muted-foreground/40')} />
    </span>
  )
}

/** How long since `since`, counting up every second; "—" when unknown. */
export function Elapsed({ since, className }: { since: string | null | undefined; className?: string }) {
  const now = useNow(1000)
  const start = since ? Date.parse(since) : Number.NaN
  return (
    <span className={cn('font-medium text-foreground tabular-nums', className)} title="Time on this task">
      {Number.isNaN(start) ? '—' : formatDuration(Math.max(0, now - start))}
    </span>
  )
}

/** "Running", or "Idle · 5 minutes ago" (when it was last seen). */
export function AgentStatusLine({ agent, className }: { agent: AgentLiveState; className?: string }) {
  const running = isRunning(agent)
  return (
    <p className={cn('flex items-center gap-1.5 text-xs text-muted-foreground', className)}>
      <AgentStateDot running={running} />
      {running ? (
        <span className="font-medium text-sky-700 dark:text-sky-300">Running</span>
      ) : (
        <span>
          Idle
          {agent.last_seen && (
            <>
              {' · '}
              <RelativeTime value={agent.last_seen} />
            </>
          )}
        </span>
      )}
    </p>
  )
}

/** The task a running agent works on: its id, its execution (a link) and the time on it. */
export function AgentRunDetails({ run, more }: { run: AgentRun; more: number }) {
  return (
    <div className="grid gap-1 text-sm">
      <div className="flex min-w-0 items-baseline gap-2">
        <span className="w-16 shrink-0 text-xs text-muted-foreground">Task</span>
        <span className="truncate font-mono text-[13px]">{run.task_id}</span>
      </div>
      <div className="flex min-w-0 items-baseline gap-2">
        <span className="w-16 shrink-0 text-xs text-muted-foreground">Execution</span>
        <Link
          to={`/executions/${run.execution_id}`}
          className="relative z-10 truncate rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {run.execution_name}
        </Link>
      </div>
      <div className="flex min-w-0 items-baseline gap-2">
        <span className="w-16 shrink-0 text-xs text-muted-foreground">Elapsed</span>
        <Elapsed since={run.started_at} />
        {more > 0 && <span className="ml-auto text-xs text-muted-foreground">+{more} more</span>}
      </div>
    </div>
  )
}
