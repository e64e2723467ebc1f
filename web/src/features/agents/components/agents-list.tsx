import { BotIcon, SearchXIcon, XIcon } from 'lucide-react'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/lib/utils'

import { useAgents } from '../api/get-agents'
import type { Agent } from '../api/types'
import { useAgentFilters } from '../hooks/use-agent-filters'
import { AgentCard } from './agent-card'
import { AgentsToolbar } from './agents-toolbar'
import { CatalogProblems } from './catalog-problems'

const GRID = 'grid gap-3 sm:grid-cols-2 xl:grid-cols-3'

function AgentsSkeleton() {
  return (
    <div className={GRID} aria-busy="true" aria-label="Loading agents">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="grid gap-3 rounded-xl border p-4">
          <div className="flex items-center gap-3">
            <Skeleton className="size-9 rounded-lg" />
            <div className="grid flex-1 gap-1.5">
              <Skeleton className="h-3.5 w-32" />
              <Skeleton className="h-3 w-16" />
            </div>
            <Skeleton className="h-5 w-16 rounded-full" />
          </div>
          <Skeleton className="h-3 w-full" />
          <Skeleton className="h-3 w-2/3" />
          <div className="flex gap-1">
            <Skeleton className="h-5 w-12" />
            <Skeleton className="h-5 w-12" />
            <Skeleton className="h-5 w-12" />
          </div>
          <div className="grid grid-cols-3 gap-3 border-t pt-3">
            {Array.from({ length: 3 }, (_, j) => (
              <div key={j} className="grid gap-1">
                <Skeleton className="h-2.5 w-10" />
                <Skeleton className="h-4 w-12" />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  )
}

function Counts({ agents }: { agents: Agent[] }) {
  const running = agents.filter((a) => a.status === 'running').length
  return (
    <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
      {agents.length} {agents.length === 1 ? 'agent' : 'agents'}
      {' · '}
      <span className={running > 0 ? 'font-medium text-sky-700 dark:text-sky-300' : undefined}>{running} running</span>
    </p>
  )
}

/** The catalog: searchable and filterable (in the URL), live. */
export function AgentsList() {
  const filters = useAgentFilters()
  const query = useAgents(filters.queryParams)
  const agents = query.data?.items ?? []

  let body
  if (query.isPending) body = <AgentsSkeleton />
  else if (query.isError)
    body = (
      <Card>
        <ErrorState title="Could not load agents" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </Card>
    )
  else if (agents.length === 0 && filters.filtered)
    body = (
      <Card>
        <EmptyState
          icon={<SearchXIcon />}
          title="No agents match"
          description="Try another search, or clear the filters to see every agent."
          action={
            <Button variant="outline" onClick={filters.clear}>
              <XIcon />
              Clear filters
            </Button>
          }
        />
      </Card>
    )
  else if (agents.length === 0)
    body = (
      <Card>
        <EmptyState
          icon={<BotIcon />}
          title="No agents yet"
          description={
            <>
              Add agent files to <code className="font-mono text-xs">~/.claude/agents</code> or a project’s{' '}
              <code className="font-mono text-xs">.claude/agents</code>; they show up here as soon as they are saved. Agents that run
              in an execution appear too.
            </>
          }
        />
      </Card>
    )
  else
    body = (
      <ul aria-label="Agents" className={cn(GRID, 'transition-opacity', query.isPlaceholderData && 'opacity-60')}>
        {agents.map((agent) => (
          <li key={agent.name} className="grid">
            <AgentCard agent={agent} />
          </li>
        ))}
      </ul>
    )

  return (
    <div className="grid gap-4">
      <div className="flex flex-col gap-3">
        <AgentsToolbar filters={filters} categories={query.data?.categories ?? []} />
        {query.data && agents.length > 0 && <Counts agents={agents} />}
      </div>
      <CatalogProblems problems={query.data?.problems ?? []} />
      {body}
    </div>
  )
}
