import { Link } from 'react-router'

import { RelativeTime } from '@/components/relative-time'
import { useNow } from '@/hooks/use-now'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import type { AgentRun, AgentStatus } from '../api/types'
import { primaryRun } from '../lib/agents'
import { formatDuration } from '../lib/format'
import { AgentAvatar } from './agent-avatar'

function StateDot({ running }: { running: boolean }) {
  return (
    <span aria-hidden className="relative flex size-2">
      {running && <span className="absolute inline-flex size-full animate-ping rounded-full bg-sky-500 opacity-75" />}
      <span className={cn('relative inline-flex size-2 rounded-full', running ? 'bg-sky-500' : 'bg-muted-foreground/40')} />
    </span>
  )
}

function Elapsed({ since }: { since: string | null | undefined }) {
  const now = useNow(1000)
  const start = since ? Date.parse(since) : Number.NaN
  return (
    <span className="font-medium text-foreground tabular-nums" title="Time on this task">
      {Number.isNaN(start) ? '—' : formatDuration(Math.max(0, now - start))}
    </span>
  )
}

function RunDetails({ run, more }: { run: AgentRun; more: number }) {
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
          className="truncate rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
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

/** One agent: who it is, whether it works now, on what, and for how long. */
export function AgentCard({ agent }: { agent: AgentStatus }) {
  const run = primaryRun(agent)
  const running = agent.status === 'running' && run !== undefined
  return (
    <article
      aria-label={agent.agent}
      data-state={running ? 'running' : 'idle'}
      style={agentColor(agent.agent).style}
      className={cn(
        'relative flex flex-col gap-3 overflow-hidden rounded-xl border bg-card p-4 shadow-xs transition-colors',
        // A thin strip of the agent's colour; brighter while it works.
        'before:absolute before:inset-y-0 before:left-0 before:w-[3px] before:bg-[oklch(0.7_0.12_var(--agent-hue))]',
        running ? 'before:opacity-100' : 'before:opacity-30',
      )}
    >
      <header className="flex items-center gap-3">
        <AgentAvatar name={agent.agent} />
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-sm font-semibold" title={agent.agent}>
            {agent.agent}
          </h3>
          <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
            <StateDot running={running} />
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
        </div>
      </header>
      {running ? (
        <RunDetails run={run} more={agent.running.length - 1} />
      ) : (
        <p className="text-sm text-muted-foreground">{agent.last_seen ? 'Waiting for its next task.' : 'Has not run yet.'}</p>
      )}
    </article>
  )
}
