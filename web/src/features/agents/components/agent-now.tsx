import { Link } from 'react-router'

import { Elapsed } from '@/components/agents/agent-live-status'
import { RelativeTime } from '@/components/relative-time'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { isRunning } from '@/lib/agent-runs'

import type { Agent } from '../api/types'

/** What the agent does right now (every task it runs, live), or when it last worked. */
export function AgentNow({ agent }: { agent: Agent }) {
  const running = isRunning(agent)
  return (
    <Card role="region" aria-labelledby="agent-now-heading">
      <CardHeader>
        <CardTitle id="agent-now-heading">Now</CardTitle>
      </CardHeader>
      <CardContent>
        {running ? (
          <ul className="grid gap-3" aria-label="Running tasks">
            {agent.running.map((run) => (
              <li key={`${run.execution_id}/${run.task_id}`} className="grid gap-0.5 text-sm">
                <Link to={`/executions/${run.execution_id}`} className="truncate font-medium hover:underline">
                  {run.execution_name}
                </Link>
                <p className="flex items-baseline justify-between gap-3 text-xs text-muted-foreground">
                  <span className="truncate font-mono">{run.task_id}</span>
                  <Elapsed since={run.started_at} className="text-xs" />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">
            Idle.{' '}
            {agent.last_seen ? (
              <>
                Last worked <RelativeTime value={agent.last_seen} />.
              </>
            ) : (
              'It has not run a task yet.'
            )}
          </p>
        )}
      </CardContent>
    </Card>
  )
}
