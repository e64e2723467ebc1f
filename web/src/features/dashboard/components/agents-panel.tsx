import { BotIcon, ChevronDownIcon, FolderKanbanIcon } from 'lucide-react'
import { useState } from 'react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'

import { useAgentsStatus } from '@/lib/agents-status'
import { AgentCard } from './agent-card'

/** Idle agents beyond this many wait behind "Show all": the running ones always show. */
const IDLE_SHOWN = 8

const GRID = 'grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4'

function AgentsSkeleton() {
  return (
    <div className={GRID} aria-busy="true" aria-label="Loading agents">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="grid gap-3 rounded-xl border p-4">
          <div className="flex items-center gap-3">
            <Skeleton className="size-9 rounded-lg" />
            <div className="grid flex-1 gap-1.5">
              <Skeleton className="h-3.5 w-28" />
              <Skeleton className="h-3 w-16" />
            </div>
          </div>
          <Skeleton className="h-3 w-3/4" />
          <Skeleton className="h-3 w-1/2" />
        </div>
      ))}
    </div>
  )
}

/** Every agent Baton has seen: what the running ones do now, when the idle ones last worked. */
export function AgentsPanel() {
  const query = useAgentsStatus()
  const [showAll, setShowAll] = useState(false)
  const agents = query.data?.agents ?? []
  const running = agents.filter((a) => a.status === 'running').length
  const limit = running + IDLE_SHOWN
  const shown = showAll ? agents : agents.slice(0, limit)

  let body
  if (query.isPending) body = <AgentsSkeleton />
  else if (query.isError)
    body = (
      <Card>
        <ErrorState title="Could not load agents" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </Card>
    )
  else if (agents.length === 0)
    body = (
      <Card>
        <EmptyState
          icon={<BotIcon />}
          title="No agents have run yet — start the example project"
          description="Agents show up here as soon as they get a task. The example project runs a team of simulated agents in a few seconds."
          action={
            <Button asChild variant="outline">
              <Link to="/projects?q=Example">
                <FolderKanbanIcon />
                Open the example project
              </Link>
            </Button>
          }
        />
      </Card>
    )
  else
    body = (
      <div className="grid gap-3">
        <ul className={GRID} aria-label="Agents">
          {shown.map((agent) => (
            <li key={agent.agent} className="grid">
              <AgentCard agent={agent} />
            </li>
          ))}
        </ul>
        {agents.length > limit && (
          <Button variant="ghost" size="sm" className="justify-self-center text-muted-foreground" onClick={() => setShowAll((v) => !v)}>
            <ChevronDownIcon className={showAll ? 'rotate-180' : undefined} />
            {showAll ? 'Show fewer' : `Show all ${agents.length} agents`}
          </Button>
        )}
      </div>
    )

  return (
    <section aria-labelledby="agents-heading" className="grid gap-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="agents-heading" className="text-base font-semibold tracking-tight">
          Agents
        </h2>
        {query.data && agents.length > 0 && (
          <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
            <span className={running > 0 ? 'font-medium text-sky-700 dark:text-sky-300' : undefined}>{running} running</span>
            {' · '}
            {agents.length - running} idle
          </p>
        )}
      </div>
      {body}
    </section>
  )
}
