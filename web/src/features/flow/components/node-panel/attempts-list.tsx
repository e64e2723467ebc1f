import type { TaskAttempt } from '../../api/types'
import { STATE_LABELS } from '../../lib/graph'
import { NodeDuration } from '../node-duration'
import { StateIcon } from '../node-state'
import { ClockTime } from './panel-parts'

/** Every attempt of the task, newest first: its status, when it ran, how long, and its error. */
export function AttemptsList({ attempts }: { attempts: readonly TaskAttempt[] }) {
  const newestFirst = [...attempts].sort((a, b) => b.attempt - a.attempt)
  return (
    <ol aria-label="Attempts" className="grid gap-1.5">
      {newestFirst.map((attempt) => (
        <li key={attempt.id} className="grid gap-1 rounded-md border px-2.5 py-2 text-xs">
          <div className="flex min-w-0 items-center gap-1.5">
            <StateIcon state={attempt.status} />
            <span className="font-medium">Attempt {attempt.attempt}</span>
            <span className="text-muted-foreground">{STATE_LABELS[attempt.status]}</span>
            <span className="ml-auto text-muted-foreground tabular-nums">
              <ClockTime value={attempt.started_at} />
              {attempt.started_at && (
                <>
                  {' · '}
                  <NodeDuration startedAt={attempt.started_at} completedAt={attempt.completed_at ?? null} />
                </>
              )}
            </span>
          </div>
          {attempt.error && <p className="break-words text-destructive">{attempt.error}</p>}
          {attempt.exit_code != null && attempt.exit_code !== 0 && <p className="text-muted-foreground">Exit code {attempt.exit_code}</p>}
        </li>
      ))}
    </ol>
  )
}
