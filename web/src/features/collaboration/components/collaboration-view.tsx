import { FolderKanbanIcon, FolderXIcon, NetworkIcon, UnplugIcon, XIcon } from 'lucide-react'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { ApiError } from '@/lib/api-client'
import { cn } from '@/lib/utils'

import { useCollaboration } from '../api/get-collaboration'
import type { Collaboration } from '../api/types'
import { useCollaborationFilters } from '../hooks/use-collaboration-filters'
import { collaborationGraph, type Focus } from '../lib/graph'
import { COLLABORATION_RANGE_LABELS } from '../lib/range'
import { CollaborationGraph } from './collaboration-graph'
import { CollaborationSkeleton } from './collaboration-skeleton'
import { CollaborationToolbar, type ProjectOption } from './collaboration-toolbar'
import { HandoffsTable } from './handoffs-table'

const HOW = (
  <>
    Edges come from plan dependencies: when a task of one agent <code className="font-mono text-xs">depends_on</code> a
    task of another, the first hands work to the second.
  </>
)

function plural(n: number, one: string, many: string) {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`
}

function Summary({ data }: { data: Collaboration }) {
  const between = data.edges.filter((e) => e.from !== e.to).reduce((sum, e) => sum + e.count, 0)
  const self = data.edges.filter((e) => e.from === e.to).reduce((sum, e) => sum + e.count, 0)
  return (
    <p className="text-sm text-muted-foreground tabular-nums sm:ml-auto" aria-live="polite">
      {plural(data.agents.length, 'agent', 'agents')} · {plural(between, 'hand-off', 'hand-offs')}
      {self > 0 && ` · ${plural(self, 'to itself', 'to themselves')}`}
    </p>
  )
}

function NoWork({ filtered, onShowAll }: { filtered: boolean; onShowAll: () => void }) {
  return (
    <Card>
      <EmptyState
        icon={<NetworkIcon />}
        title="No plan runs in this range"
        description={
          <>
            {HOW} Start a plan whose tasks depend on each other across agents, or choose a longer range
            {filtered ? ' or every project' : ''}.
          </>
        }
        action={
          filtered ? (
            <Button variant="outline" onClick={onShowAll}>
              <XIcon />
              All projects
            </Button>
          ) : (
            <Button variant="outline" asChild>
              <Link to="/projects">
                <FolderKanbanIcon />
                Go to projects
              </Link>
            </Button>
          )
        }
      />
    </Card>
  )
}

function ProjectNotFound({ onShowAll }: { onShowAll: () => void }) {
  return (
    <Card>
      <EmptyState
        icon={<FolderXIcon />}
        title="No such project"
        description="The project in the link was deleted, or never existed."
        action={
          <Button variant="outline" onClick={onShowAll}>
            <XIcon />
            All projects
          </Button>
        }
      />
    </Card>
  )
}

function NoHandoffs({ agents }: { agents: number }) {
  return (
    <Card>
      <EmptyState
        icon={<UnplugIcon />}
        title="No hand-offs yet"
        description={
          <>
            {plural(agents, 'agent', 'agents')} ran plan tasks in this range, but no task waited on another’s work. {HOW} Add{' '}
            <code className="font-mono text-xs">depends_on</code> to a plan’s tasks and run it.
          </>
        }
        action={
          <Button variant="outline" asChild>
            <Link to="/projects">
              <FolderKanbanIcon />
              Go to projects
            </Link>
          </Button>
        }
      />
    </Card>
  )
}

function CollaborationBody({
  data,
  stale,
  declaredColors,
}: {
  data: Collaboration
  stale: boolean
  declaredColors: ReadonlyMap<string, string | null>
}) {
  const [focus, setFocus] = useState<Focus>(null)
  const graph = useMemo(() => collaborationGraph(data.agents, data.edges), [data])
  return (
    <div className={cn('grid gap-6 transition-opacity', stale && 'opacity-60')}>
      <Card role="region" aria-label="Collaboration graph" className="overflow-hidden">
        <CollaborationGraph graph={graph} declaredColors={declaredColors} focus={focus} onFocusChange={setFocus} />
      </Card>
      <Card role="region" aria-labelledby="handoffs-heading" className="gap-2">
        <CardHeader>
          <CardTitle id="handoffs-heading">Hand-offs</CardTitle>
          <CardDescription>
            How often each agent’s task waited on another’s, and in how many executions. Hover a row to find it in the graph.
          </CardDescription>
        </CardHeader>
        <div className="pb-3">
          <HandoffsTable edges={data.edges} declaredColors={declaredColors} onFocusChange={setFocus} />
        </div>
      </Card>
    </div>
  )
}

/** Who hands work to whom, over a range and a project (both in the URL). */
export function CollaborationView({
  projects,
  declaredColors,
}: {
  projects: ProjectOption[]
  /** The colours agent files declare, by agent name (the name's own colour otherwise). */
  declaredColors: ReadonlyMap<string, string | null>
}) {
  const filters = useCollaborationFilters()
  const query = useCollaboration(filters.queryParams)
  const data = query.data
  const showAll = () => filters.setProject(null)

  let body
  if (query.isPending) body = <CollaborationSkeleton />
  else if (query.isError && filters.project && query.error instanceof ApiError && query.error.status === 404)
    body = <ProjectNotFound onShowAll={showAll} />
  else if (query.isError)
    body = (
      <Card>
        <ErrorState title="Could not load collaboration" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </Card>
    )
  else if (data!.agents.length === 0 && data!.edges.length === 0)
    body = <NoWork filtered={filters.project !== null} onShowAll={showAll} />
  else if (data!.edges.length === 0) body = <NoHandoffs agents={data!.agents.length} />
  else body = <CollaborationBody data={data!} stale={query.isPlaceholderData} declaredColors={declaredColors} />

  return (
    <div className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <CollaborationToolbar filters={filters} projects={projects} />
        {data && !query.isError && data.agents.length > 0 && (
          <div className="flex items-center gap-2 sm:ml-auto">
            <span className="sr-only">{COLLABORATION_RANGE_LABELS[filters.range]}:</span>
            <Summary data={data} />
          </div>
        )}
      </div>
      {body}
    </div>
  )
}
