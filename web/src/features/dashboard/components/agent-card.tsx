import { Link } from 'react-router'

import { AgentAvatar } from '@/components/agents/agent-avatar'
import { AgentCardFrame } from '@/components/agents/agent-card-frame'
import { AgentRunDetails, AgentStatusLine } from '@/components/agents/agent-live-status'
import { isRunning, primaryRun } from '@/lib/agent-runs'

import type { AgentStatus } from '../api/types'

/** One agent: who it is, whether it works now, on what, and for how long. The name opens its page. */
export function AgentCard({ agent }: { agent: AgentStatus }) {
  const run = primaryRun(agent)
  const running = isRunning(agent) && run !== undefined
  return (
    <AgentCardFrame name={agent.agent} running={running}>
      <header className="flex items-center gap-3">
        <AgentAvatar name={agent.agent} />
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-sm font-semibold" title={agent.agent}>
            <Link
              to={`/agents/${encodeURIComponent(agent.agent)}`}
              className="rounded-sm outline-none after:absolute after:inset-0 hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              {agent.agent}
            </Link>
          </h3>
          <AgentStatusLine agent={agent} className="relative z-10" />
        </div>
      </header>
      {running ? (
        <AgentRunDetails run={run} more={agent.running.length - 1} />
      ) : (
        <p className="text-sm text-muted-foreground">{agent.last_seen ? 'Waiting for its next task.' : 'Has not run yet.'}</p>
      )}
    </AgentCardFrame>
  )
}
