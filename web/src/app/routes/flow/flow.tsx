import { SearchXIcon, WorkflowIcon } from 'lucide-react'
import { useEffect, useMemo } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { useExecution } from '@/features/executions/api/get-execution'
import { useActiveExecutions, useExecutions } from '@/features/executions/api/get-executions'
import { ExecutionGraphHost } from '@/features/executions/components/execution-graph-host'
import { ExecutionGraph } from '@/features/flow/components/execution-graph'
import { ExecutionRail } from '@/features/flow/components/execution-rail'
import { defaultExecution, railItems } from '@/features/flow/lib/rail'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { ApiError } from '@/lib/api-client'

/** Recent executions listed under the running ones. */
const RECENT = 30
const recentParams = { limit: RECENT }

// The graph's view settings carry over from one execution to the next; the picked node and the
// collapsed groups belong to the one they were picked in.
const CARRIED = ['dir', 'color', 'hide'] as const

const flowPath = (id: string) => `/flow/${id}`

/**
 * /flow and /flow/:id: running and recent executions on the left, the selected one's live graph
 * filling the rest. /flow opens the newest running execution (or the newest).
 */
export default function FlowRoute() {
  const { id } = useParams()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const active = useActiveExecutions()
  const recent = useExecutions(recentParams)
  const rail = useMemo(() => railItems(active.data?.items, recent.data?.items), [active.data, recent.data])
  const fallback = defaultExecution(rail)
  const carried = useMemo(() => {
    const next = new URLSearchParams()
    for (const key of CARRIED) {
      const value = params.get(key)
      if (value) next.set(key, value)
    }
    const query = next.toString()
    return query ? `?${query}` : ''
  }, [params])

  useEffect(() => {
    if (!id && fallback) void navigate(`${flowPath(fallback)}${carried}`, { replace: true })
  }, [id, fallback, carried, navigate])

  const loading = active.isPending || recent.isPending
  const error = active.error ?? recent.error
  const none = !loading && !error && !fallback

  return (
    // The route is full-bleed (router.tsx): the whole content area under the header.
    <div className="flex h-[calc(100dvh-3.5rem)] flex-col md:flex-row">
      <aside className="flex max-h-56 shrink-0 flex-col border-b md:max-h-none md:w-72 md:border-r md:border-b-0">
        <div className="flex items-baseline gap-2 px-4 pt-4 pb-2">
          <h1 className="text-base font-semibold tracking-tight">Flow</h1>
          <p className="truncate text-xs text-muted-foreground">Live graphs of your runs</p>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">
          <ExecutionRail
            live={rail.live}
            ended={rail.ended}
            selectedId={id ?? null}
            loading={loading}
            error={error}
            onRetry={() => void Promise.all([active.refetch(), recent.refetch()])}
            hrefFor={(executionId) => `${flowPath(executionId)}${carried}`}
          />
        </div>
      </aside>
      <section aria-label="Execution graph" className="relative min-h-0 min-w-0 flex-1">
        {id ? (
          <SelectedGraph key={id} id={id} />
        ) : none ? (
          <EmptyState
            className="h-full"
            icon={<WorkflowIcon />}
            title="No executions yet"
            description="Start a project's plan and its graph shows here, live: tasks as they start, their subagents, their logs."
            action={
              <Button asChild variant="outline">
                <Link to="/projects">Go to projects</Link>
              </Button>
            }
          />
        ) : (
          <Skeleton className="absolute inset-3 rounded-xl" />
        )}
      </section>
    </div>
  )
}

function SelectedGraph({ id }: { id: string }) {
  const query = useExecution(id)
  useDocumentTitle(query.data ? `${query.data.name} · Flow` : 'Flow')
  if (query.isPending) return <Skeleton aria-label="Loading the execution" className="absolute inset-3 rounded-xl" />
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404
    return notFound ? (
      <EmptyState
        className="h-full"
        icon={<SearchXIcon />}
        title="Execution not found"
        description="There is no execution with this id. Its project may have been deleted."
      />
    ) : (
      <ErrorState title="Could not load the execution" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    )
  }
  return (
    <div className="absolute inset-0 grid grid-rows-[auto_1fr]">
      <div className="flex min-w-0 items-center gap-3 border-b px-4 py-2.5">
        <h2 className="min-w-0 truncate text-sm font-semibold" title={query.data.name}>
          {query.data.name}
        </h2>
        <span className="truncate text-xs text-muted-foreground">{query.data.project_name ?? 'No project'}</span>
        <Button asChild variant="ghost" size="sm" className="ml-auto h-7 text-xs">
          <Link to={`/executions/${id}`}>Open execution</Link>
        </Button>
      </div>
      <ExecutionGraphHost execution={query.data} Graph={ExecutionGraph} graphPath={flowPath} className="rounded-none border-0" />
    </div>
  )
}
