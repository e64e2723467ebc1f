import { useQuery } from '@tanstack/react-query'
import { ActivityIcon } from 'lucide-react'
import { Link } from 'react-router'

import { ErrorState } from '@/components/error-state'
import { SourceBadge } from '@/components/source-badge'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { useCan } from '@/hooks/use-can'
import { useNow } from '@/hooks/use-now'
import { isRunByBaton } from '@/lib/execution-source'
import { formatDateTime } from '@/lib/format'

import { getExecutionQueryOptions } from '../api/get-execution'
import { useActiveExecutions } from '../api/get-executions'
import type { ExecutionSummary } from '../api/types'
import { durationBetween, formatCost, formatDuration, formatTokens } from '../lib/format'
import { hasKnownTaskTotal, isActive, summarizeTasks } from '../lib/status'
import { unreportedUsage } from '../lib/usage'
import { CancelExecutionButton } from './execution-actions'
import { ExecutionProgress } from './execution-progress'
import { ExecutionStatusBadge } from './status-badge'
import { Unreported } from './unreported'

/** Rows whose running tasks are named (one request each); further rows show how many run. */
const NAMED_TASK_ROWS = 8

/**
 * What runs now: every queued or running execution with its progress, current tasks and cost so
 * far, all kept current by socket events (no polling while the socket is up).
 */
export function ActiveExecutions() {
  const query = useActiveExecutions()
  const items = query.data?.items ?? []
  const now = useNow(1000, items.length > 0)

  return (
    <section aria-labelledby="active-executions" className="grid gap-3">
      <div className="flex items-center gap-2">
        <h2 id="active-executions" className="text-sm font-semibold">
          Active
        </h2>
        {query.data && (
          <span className="rounded-full bg-muted px-1.5 py-px text-xs font-medium text-muted-foreground tabular-nums" aria-hidden>
            {items.length}
          </span>
        )}
      </div>
      {query.isPending ? (
        <Card aria-busy="true" aria-label="Loading active executions">
          {Array.from({ length: 2 }, (_, i) => (
            <div key={i} className="flex items-center gap-4 border-b px-4 py-3.5 last:border-0">
              <Skeleton className="h-5 w-20 rounded-full" />
              <Skeleton className="h-4 w-48" />
              <Skeleton className="ml-auto h-1.5 w-40" />
            </div>
          ))}
        </Card>
      ) : query.isError ? (
        <Card>
          <ErrorState
            title="Could not load active executions"
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        </Card>
      ) : items.length === 0 ? (
        <div className="flex items-center gap-3 rounded-xl border border-dashed px-4 py-3.5 text-sm text-muted-foreground">
          <ActivityIcon aria-hidden className="size-4 shrink-0" />
          Nothing is running. Start a project&apos;s plan, or a Claude Code session with Baton&apos;s hooks installed, and it shows up here, live.
        </div>
      ) : (
        <Card className="overflow-hidden">
          <ul aria-label="Active executions" className="divide-y">
            {items.map((execution, index) => (
              <ActiveExecutionRow key={execution.id} execution={execution} now={now} nameTasks={index < NAMED_TASK_ROWS} />
            ))}
          </ul>
        </Card>
      )}
    </section>
  )
}

/** The tasks running now, by name, from the execution's detail (kept current by progress events). */
function useRunningTasks(id: string, enabled: boolean) {
  return useQuery({
    ...getExecutionQueryOptions(id),
    enabled,
    select: (detail) => detail.tasks.filter((task) => task.status === 'running').map((task) => ({ id: task.task_id, agent: task.agent })),
  })
}

function ActiveExecutionRow({ execution, now, nameTasks }: { execution: ExecutionSummary; now: number; nameTasks: boolean }) {
  const canControl = useCan('executions:control')
  const running = useRunningTasks(execution.id, nameTasks)
  const { totals } = execution
  const elapsed = durationBetween(execution.started_at, execution.completed_at, now)
  const finished = totals.completed + totals.failed + totals.timed_out + totals.cancelled + totals.skipped
  const byBaton = isRunByBaton(execution)
  const unreported = unreportedUsage(execution)

  return (
    <li
      aria-label={execution.name}
      className="grid animate-in grid-cols-[minmax(0,1fr)_auto] items-center gap-x-6 gap-y-2 px-4 py-3 duration-300 fade-in-0 md:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_6.5rem_2rem]"
    >
      <div className="flex min-w-0 items-center gap-3">
        <ExecutionStatusBadge status={execution.status} className="shrink-0" />
        <div className="min-w-0">
          {/* The badge goes under the name: beside it, it left "Claude Code · pa…" of a session's name. */}
          <Link
            to={`/executions/${execution.id}`}
            title={execution.name}
            className="block truncate rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            {execution.name}
          </Link>
          <div className="mt-1 flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
            <SourceBadge execution={execution} className="shrink-0" />
            <p className="min-w-0 truncate">
              {execution.project_name ?? 'No project'}
              {execution.started_at && (
                <>
                  {' · '}
                  <Tooltip>
                    <TooltipTrigger asChild>
                      <time dateTime={execution.started_at} className="cursor-default tabular-nums">
                        {formatDuration(elapsed)}
                      </time>
                    </TooltipTrigger>
                    <TooltipContent>Started {formatDateTime(execution.started_at)}</TooltipContent>
                  </Tooltip>
                </>
              )}
            </p>
          </div>
        </div>
      </div>

      <div className="col-span-2 row-start-2 grid min-w-0 gap-1.5 md:col-span-1 md:row-start-auto">
        {totals.tasks === 0 && !byBaton ? (
          // A session or an orchestrator run that has not reported a task: no empty bar, no "0/0".
          <p className="text-xs text-muted-foreground">No tasks reported yet</p>
        ) : (
          <>
            {hasKnownTaskTotal(execution) ? (
              <div className="flex items-center gap-2.5">
                <ExecutionProgress totals={totals} label={`Progress of ${execution.name}`} showCount={false} className="flex-1" />
                <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                  {finished}/{totals.tasks} tasks
                </span>
              </div>
            ) : (
              // A session's count grows with every subagent it starts: no bar towards it.
              <p className="text-xs text-muted-foreground tabular-nums">{summarizeTasks(totals)}</p>
            )}
            <CurrentTasks names={running.data} count={totals.running} queued={execution.status === 'queued'} />
          </>
        )}
      </div>

      <div className="text-right">
        {unreported?.cost && unreported.tokens ? (
          <Unreported note={unreported.note} className="text-xs" />
        ) : (
          <>
            <p className="font-mono text-xs tabular-nums">
              {unreported?.cost ? <Unreported note={unreported.note} /> : formatCost(execution.cost_usd)}
            </p>
            <p className="text-[11px] text-muted-foreground tabular-nums">
              {unreported?.tokens ? (
                <Unreported note={unreported.note} />
              ) : (
                <>
                  {formatTokens(execution.input_tokens)} / {formatTokens(execution.output_tokens)} tok
                </>
              )}
            </p>
          </>
        )}
      </div>

      <div className="hidden justify-end md:flex">
        {/* Baton cannot cancel what it did not start (a Claude Code session, an orchestrator.sh run). */}
        {canControl && byBaton && isActive(execution.status) && <CancelExecutionButton execution={execution} compact />}
      </div>
    </li>
  )
}

function CurrentTasks({
  names,
  count,
  queued,
}: {
  names: { id: string; agent: string }[] | undefined
  count: number
  queued: boolean
}) {
  if (queued) return <p className="text-xs text-muted-foreground">Waiting to start</p>
  if (!names) {
    return <p className="text-xs text-muted-foreground">{count === 0 ? 'Between tasks' : `${count} running`}</p>
  }
  if (names.length === 0) return <p className="text-xs text-muted-foreground">Between tasks</p>
  return (
    <ul aria-label="Running tasks" className="flex min-w-0 flex-wrap gap-1">
      {names.map((task) => (
        <li
          key={task.id}
          title={`${task.id} · ${task.agent}`}
          className="max-w-40 truncate rounded border border-sky-500/25 bg-sky-500/10 px-1.5 py-px font-mono text-[11px] text-sky-700 dark:text-sky-300"
        >
          {task.id}
        </li>
      ))}
    </ul>
  )
}
