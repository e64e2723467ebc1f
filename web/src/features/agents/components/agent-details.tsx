import { ArrowLeftIcon, BotOffIcon } from 'lucide-react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { agentColor } from '@/lib/agent-color'
import { ApiError } from '@/lib/api-client'

import { useAgent } from '../api/get-agent'
import type { AgentDetail, ProjectOption } from '../api/types'
import { AgentCapabilities } from './agent-capabilities'
import { AgentConfigSection } from './agent-config-section'
import { AgentDefinitionCard } from './agent-definition'
import { AgentDescription } from './agent-description'
import { AgentHeader } from './agent-header'
import { AgentMetrics } from './agent-metrics'
import { AgentNow } from './agent-now'
import { AgentPrompt } from './agent-prompt'
import { DefinitionErrorBanner } from './definition-error'
import { RecentTasks } from './recent-tasks'

function BackLink() {
  return (
    <Button variant="ghost" size="sm" asChild className="-ml-2 w-fit text-muted-foreground">
      <Link to="/agents">
        <ArrowLeftIcon />
        Agents
      </Link>
    </Button>
  )
}

function AgentNotFound({ name }: { name: string }) {
  return (
    <Card>
      <EmptyState
        icon={<BotOffIcon />}
        title="Agent not found"
        description={
          <>
            Baton knows no agent called <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs break-all">{name}</code>: no
            file, registry entry, configuration or run has that name. Its file may have been deleted or renamed.
          </>
        }
        action={
          <Button asChild variant="outline">
            <Link to="/agents">Back to agents</Link>
          </Button>
        }
      />
    </Card>
  )
}

function AgentDetailsSkeleton() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading agent">
      <div className="flex items-start gap-4">
        <Skeleton className="size-12 rounded-xl" />
        <div className="grid gap-2">
          <Skeleton className="h-7 w-56" />
          <Skeleton className="h-4 w-40" />
        </div>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid gap-6">
          <Skeleton className="h-48 rounded-xl" />
          <Skeleton className="h-96 rounded-xl" />
        </div>
        <div className="grid gap-6">
          <Skeleton className="h-28 rounded-xl" />
          <Skeleton className="h-56 rounded-xl" />
        </div>
      </div>
    </div>
  )
}

function AgentDetailsView({ agent, projects }: { agent: AgentDetail; projects: ProjectOption[] }) {
  return (
    // The agent's hue, for the accents of its description and examples.
    <div className="grid grid-cols-1 gap-6" style={agentColor(agent.name, agent.color).style}>
      <AgentHeader agent={agent} />
      {agent.error && <DefinitionErrorBanner error={agent.error} path={agent.definition?.path} />}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid min-w-0 grid-cols-1 gap-6">
          <Card role="region" aria-labelledby="agent-about-heading">
            <CardHeader>
              <CardTitle id="agent-about-heading">About</CardTitle>
            </CardHeader>
            <CardContent>
              <AgentDescription description={agent.description} />
            </CardContent>
          </Card>
          <AgentMetrics name={agent.name} />
          <RecentTasks tasks={agent.recent} />
          <AgentPrompt prompt={agent.prompt} />
          <AgentConfigSection name={agent.name} initial={agent.config} projects={projects} />
        </div>
        <aside className="grid min-w-0 grid-cols-1 gap-6" aria-label="Agent facts">
          <AgentNow agent={agent} />
          <AgentCapabilities agent={agent} />
          <AgentDefinitionCard agent={agent} projects={projects} />
        </aside>
      </div>
    </div>
  )
}

/** One agent's page: loads it, and says so when Baton knows no such agent (404). */
export function AgentDetails({ name, projects }: { name: string; projects: ProjectOption[] }) {
  const query = useAgent(name)
  let body
  if (query.isPending) body = <AgentDetailsSkeleton />
  else if (query.isError && query.error instanceof ApiError && query.error.status === 404) body = <AgentNotFound name={name} />
  else if (query.isError)
    body = (
      <Card>
        <ErrorState title="Could not load the agent" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </Card>
    )
  else body = <AgentDetailsView agent={query.data} projects={projects} />
  return (
    <div className="grid grid-cols-1 gap-6">
      <BackLink />
      {body}
    </div>
  )
}
