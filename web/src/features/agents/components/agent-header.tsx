import { CpuIcon } from 'lucide-react'

import { AgentAvatar } from '@/components/agents/agent-avatar'
import { AgentStatusLine } from '@/components/agents/agent-live-status'
import { Badge } from '@/components/ui/badge'

import type { Agent } from '../api/types'
import { formatModel } from '../lib/format'
import { AgentStatsRow } from './agent-stats'
import { DefinitionErrorMarker } from './definition-error'

/** The agent's name in its colour, its live state, category and model, and how its last 30 days went. */
export function AgentHeader({ agent }: { agent: Agent }) {
  const model = formatModel(agent.model)
  return (
    <header className="flex flex-col gap-5 md:flex-row md:items-start md:justify-between">
      <div className="flex min-w-0 items-start gap-4">
        <AgentAvatar name={agent.name} color={agent.color} className="size-12 rounded-xl text-sm" />
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight break-all">{agent.name}</h1>
            {agent.error && <DefinitionErrorMarker error={agent.error} />}
          </div>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <AgentStatusLine agent={agent} className="text-sm" />
            {agent.category && <Badge variant="muted">{agent.category}</Badge>}
            <Badge variant="outline" title={agent.model ?? undefined}>
              <CpuIcon aria-hidden />
              {model ?? 'Default model'}
            </Badge>
          </div>
        </div>
      </div>
      <section aria-label="Last 30 days" className="w-full shrink-0 rounded-xl border bg-card px-4 py-3 shadow-xs md:w-80">
        <p className="mb-2 text-xs font-medium text-muted-foreground">Last 30 days</p>
        <AgentStatsRow stats={agent.stats} />
      </section>
    </header>
  )
}
