import { ArrowLeftIcon, SearchXIcon } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { SourceBadge } from '@/components/source-badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { useCan } from '@/hooks/use-can'
import { useNow } from '@/hooks/use-now'
import { ApiError } from '@/lib/api-client'
import type { ExecutionGraphComponent } from '@/lib/execution-graph-slots'
import { isRunByBaton } from '@/lib/execution-source'
import { formatDateTime } from '@/lib/format'

import { useExecution } from '../api/get-execution'
import type { ExecutionDetail } from '../api/types'
import { durationBetween, formatCost, formatDuration, formatTokensExact } from '../lib/format'
import { hasKnownTaskTotal, isActive, summarizeTasks } from '../lib/status'
import { unreportedUsage } from '../lib/usage'
import { ExecutionActions } from './execution-actions'
import { ExecutionGraphHost } from './execution-graph-host'
import { ExecutionTimeline } from './execution-timeline/execution-timeline'
import { ExecutionProgress } from './execution-progress'
import { ExecutionLogViewer } from './log-viewer/execution-log-viewer'
import { ExecutionStatusBadge } from './status-badge'
import { TasksTable } from './tasks-table'
import { Unreported } from './unreported'

function BackLink() {
  return (
    <Button variant="ghost" size="sm" asChild className="-ml-2 w-fit text-muted-foreground">
      <Link to="/executions">
        <ArrowLeftIcon />
        Executions
      </Link>
    </Button>
  )
}

const executionGraphPath = (executionId: string) => `/executions/${executionId}?tab=graph`

/** One execution, kept current by socket events while it is queued or running. */
export function ExecutionDetails({ id, projectName, Graph }: { id: string; projectName?: string; Graph?: ExecutionGraphComponent }) {
  const query = useExecution(id)

  if (query.isPending) return <ExecutionDetailsSkeleton />
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404
    return (
      <div className="grid gap-6">
        <BackLink />
        <Card>
          {notFound ? (
            <EmptyState
              icon={<SearchXIcon />}
              title="Execution not found"
              description="There is no execution with this id. Its project may have been deleted."
              action={
                <Button asChild variant="outline">
                  <Link to="/executions">Back to executions</Link>
                </Button>
              }
            />
          ) : (
            <ErrorState
              title="Could not load the execution"
              error={query.error}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          )}
        </Card>
      </div>
    )
  }
  return <ExecutionView execution={query.data} projectName={projectName} Graph={Graph} />
}

function ExecutionView({ execution, projectName, Graph }: { execution: ExecutionDetail; projectName?: string; Graph?: ExecutionGraphComponent }) {
  const canControl = useCan('executions:control')
  const live = isActive(execution.status)
  // Durations of running work count up between events.
  const now = useNow(1000, live)
  const duration = durationBetween(execution.started_at, execution.completed_at, now)
  // Sessions and orchestrator runs may report no task: no empty bar, no "0/0".
  const hasTasks = execution.totals.tasks > 0
  // A running session's task count grows with its subagents: a count, not progress towards it.
  const growing = live && !hasKnownTaskTotal(execution)
  const unreported = unreportedUsage(execution)
  // Overview or Graph, in the URL (`?tab=graph`) so a link opens the graph.
  const [params, setParams] = useSearchParams()
  const tab = Graph && params.get('tab') === 'graph' ? 'graph' : 'overview'
  const setTab = (value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      if (value === 'graph') next.set('tab', 'graph')
      else next.delete('tab')
      return next
    })
  // The log's task filter: picked in the log's toolbar or by clicking a bar of the timeline.
  const [logTask, setLogTask] = useState<string | null>(null)
  const showTaskLog = (taskId: string | null) => {
    setLogTask(taskId)
    // Bring the log into view when little of it shows, so the click visibly does something.
    const log = document.getElementById('execution-log')
    if (taskId !== null && log && log.getBoundingClientRect().top > window.innerHeight - 240) {
      log.scrollIntoView({ behavior: 'smooth', block: 'start' })
    }
  }

  const overview = (
    <>
      <Card>
        <CardContent className="grid gap-5">
          {hasTasks && !growing && <ExecutionProgress totals={execution.totals} label="Tasks finished" />}
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
            <Stat label="Started">
              {execution.started_at ? <time dateTime={execution.started_at}>{formatDateTime(execution.started_at)}</time> : 'Not yet'}
            </Stat>
            <Stat label="Ended">
              {execution.completed_at ? (
                <time dateTime={execution.completed_at}>{formatDateTime(execution.completed_at)}</time>
              ) : live ? (
                'Still running'
              ) : (
                '—'
              )}
            </Stat>
            <Stat label="Duration">
              <span className="tabular-nums">{formatDuration(duration)}</span>
            </Stat>
            <Stat label="Tasks">
              {hasTasks && growing ? (
                <span className="tabular-nums">{summarizeTasks(execution.totals)}</span>
              ) : hasTasks ? (
                <span className="tabular-nums">
                  {execution.totals.completed}/{execution.totals.tasks} completed
                  {execution.totals.failed + execution.totals.timed_out > 0 && (
                    <span className="text-destructive"> · {execution.totals.failed + execution.totals.timed_out} failed</span>
                  )}
                </span>
              ) : (
                <span className="text-muted-foreground">None yet</span>
              )}
            </Stat>
            <Stat label="Cost">
              {unreported?.cost ? (
                <Unreported note={unreported.note} />
              ) : (
                <span className="font-mono tabular-nums">{formatCost(execution.cost_usd)}</span>
              )}
            </Stat>
            <Stat label="Tokens">
              {unreported?.tokens ? (
                <Unreported note={unreported.note} />
              ) : (
                <span className="tabular-nums">
                  {formatTokensExact(execution.input_tokens)} in · {formatTokensExact(execution.output_tokens)} out
                </span>
              )}
            </Stat>
          </dl>
        </CardContent>
      </Card>

      {execution.tasks.length > 0 && (
        <Card>
          <CardHeader className="pb-1">
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent className="pt-3">
            <ExecutionTimeline execution={execution} now={now} selectedTask={logTask} onSelectTask={showTaskLog} />
          </CardContent>
        </Card>
      )}

      <Card className="overflow-hidden">
        <CardHeader className="pb-3">
          <CardTitle>Tasks</CardTitle>
        </CardHeader>
        {execution.tasks.length > 0 ? (
          <TasksTable attempts={execution.tasks} source={execution} />
        ) : (
          <p className="px-5 pb-5 text-sm text-muted-foreground">
            {isRunByBaton(execution) ? 'No task has been scheduled yet.' : 'No task has been reported yet.'}
          </p>
        )}
      </Card>

      <Card id="execution-log" className="scroll-mt-4 overflow-hidden pb-0">
        <CardHeader className="pb-3">
          <CardTitle>Log</CardTitle>
        </CardHeader>
        <ExecutionLogViewer
          executionId={execution.id}
          executionName={execution.name}
          attempts={execution.tasks}
          live={live}
          task={logTask}
          onTaskChange={setLogTask}
        />
      </Card>
    </>
  )

  return (
    <div className="grid gap-6">
      <BackLink />
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-all">{execution.name}</h1>
            <ExecutionStatusBadge status={execution.status} />
            <SourceBadge execution={execution} />
          </div>
          <p className="text-sm text-muted-foreground">
            {execution.project_id ? (
              <>
                Project{' '}
                <Link to={`/projects/${execution.project_id}`} className="font-medium text-foreground hover:underline">
                  {projectName ?? execution.project_id}
                </Link>
              </>
            ) : (
              'No project'
            )}
            {execution.created_by && <> · started by {execution.created_by}</>}
            {execution.rerun_of && (
              <>
                {' '}
                · re-run of{' '}
                <Link to={`/executions/${execution.rerun_of}`} className="font-medium text-foreground hover:underline">
                  an earlier execution
                </Link>
              </>
            )}
          </p>
        </div>
        {canControl && (
          <div className="flex shrink-0 gap-2">
            <ExecutionActions execution={execution} />
          </div>
        )}
      </header>

      {execution.error && (
        <p role="alert" className="rounded-lg border border-destructive/30 bg-destructive/5 px-4 py-3 text-sm text-destructive">
          {execution.error}
        </p>
      )}

      {Graph ? (
        <Tabs value={tab} onValueChange={setTab} className="gap-4">
          <TabsList aria-label="Execution views">
            <TabsTrigger value="overview">Overview</TabsTrigger>
            <TabsTrigger value="graph">Graph</TabsTrigger>
          </TabsList>
          <TabsContent value="overview" className="grid gap-6">
            {overview}
          </TabsContent>
          <TabsContent value="graph">
            <ExecutionGraphHost
              execution={execution}
              Graph={Graph}
              graphPath={executionGraphPath}
              className="h-[calc(100dvh-7.5rem)] min-h-[28rem]"
            />
          </TabsContent>
        </Tabs>
      ) : (
        overview
      )}
    </div>
  )
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 content-start gap-1">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  )
}

function ExecutionDetailsSkeleton() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading execution">
      <Skeleton className="h-8 w-28" />
      <div className="space-y-3">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="h-32 rounded-xl" />
      <Skeleton className="h-64 rounded-xl" />
    </div>
  )
}
