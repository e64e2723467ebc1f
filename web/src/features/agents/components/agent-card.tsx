import { FileTextIcon } from 'lucide-react'
import { Link } from 'react-router'

import { AgentAvatar } from '@/components/agents/agent-avatar'
import { AgentCardFrame } from '@/components/agents/agent-card-frame'
import { AgentRunDetails, AgentStatusLine } from '@/components/agents/agent-live-status'
import { Badge } from '@/components/ui/badge'
import { isRunning, primaryRun } from '@/lib/agent-runs'

import type { Agent } from '../api/types'
import { descriptionExcerpt } from '../lib/description'
import { formatModel, sourceLabel } from '../lib/format'
import { AgentStatsRow } from './agent-stats'
import { DefinitionErrorMarker } from './definition-error'
import { ToolChips } from './tool-chips'

/** For an agent without a description (one known from the registry or its runs): what the registry says it knows. */
function fallbackSummary(agent: Agent): string {
  return agent.expertise.length > 0 ? `Expertise: ${agent.expertise.join(', ')}.` : 'No description.'
}

/**
 * One agent of the catalog: who it is, what it works on now, what it may use, how it has done in
 * the last 30 days, and where it comes from. The whole card opens the agent's page.
 */
export function AgentCard({ agent }: { agent: Agent }) {
  const run = primaryRun(agent)
  const running = isRunning(agent) && run !== undefined
  const model = formatModel(agent.model)
  const excerpt = descriptionExcerpt(agent.description)
  return (
    <AgentCardFrame name={agent.name} color={agent.color} running={running} className="h-full transition-shadow hover:shadow-md">
      <header className="flex items-start gap-3">
        <AgentAvatar name={agent.name} color={agent.color} />
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-start gap-1.5">
            <h3 className="line-clamp-2 min-w-0 text-sm/5 font-semibold [overflow-wrap:anywhere]" title={agent.name}>
              <Link
                to={`/agents/${encodeURIComponent(agent.name)}`}
                className="rounded-sm outline-none after:absolute after:inset-0 hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                {agent.name}
              </Link>
            </h3>
            {agent.error && <DefinitionErrorMarker error={agent.error} className="relative z-10" />}
          </div>
          <AgentStatusLine agent={agent} className="relative z-10" />
        </div>
      </header>

      {running ? (
        <AgentRunDetails run={run} more={agent.running.length - 1} />
      ) : agent.error ? (
        <p className="line-clamp-2 min-h-10 text-sm text-warning" title={agent.error}>
          Could not read its file: <span className="font-mono text-[13px]">{agent.error}</span>
        </p>
      ) : (
        <p className="line-clamp-2 min-h-10 text-sm text-muted-foreground">{excerpt ?? fallbackSummary(agent)}</p>
      )}

      <div className="mt-auto grid gap-2.5">
        {/* The category sits here rather than beside the name, which keeps the header's whole width. */}
        <div className="flex min-w-0 items-center gap-2 text-xs text-muted-foreground">
          <span className="shrink-0 font-medium text-foreground/80">{model ?? 'Default model'}</span>
          <span aria-hidden>·</span>
          <span className="flex min-w-0 items-center gap-1 truncate" title={agent.definition?.path ?? undefined}>
            <FileTextIcon aria-hidden className="size-3.5 shrink-0" />
            <span className="truncate">{sourceLabel(agent)}</span>
          </span>
          {agent.category && (
            <Badge variant="muted" className="ml-auto max-w-32 font-normal" title={`Category: ${agent.category}`}>
              <span className="truncate">{agent.category}</span>
            </Badge>
          )}
        </div>
        <ToolChips tools={agent.tools} />
        <AgentStatsRow stats={agent.stats} className="border-t pt-3" />
      </div>
    </AgentCardFrame>
  )
}
