import { Fragment } from 'react'

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import type { SourceFields } from '@/lib/execution-source'
import { formatDateTime } from '@/lib/format'
import { cn } from '@/lib/utils'

import type { TaskAttempt } from '../api/types'
import { durationBetween, formatCost, formatDuration, formatTokens } from '../lib/format'
import { groupAttempts, groupTotals } from '../lib/tasks'
import { unreportedUsage, type UsageFigures } from '../lib/usage'
import { TaskStatusBadge } from './status-badge'
import { Unreported } from './unreported'

const timeOnly = new Intl.DateTimeFormat('en', { timeStyle: 'medium' })

function StartedAt({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-muted-foreground">—</span>
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time dateTime={value} className="cursor-default tabular-nums">
          {timeOnly.format(new Date(value))}
        </time>
      </TooltipTrigger>
      <TooltipContent>{formatDateTime(value)}</TooltipContent>
    </Tooltip>
  )
}

/** A task's tokens and cost, or "—" for what the integration that reported it did not say. */
function Usage({ source, figures }: { source: SourceFields; figures: UsageFigures }) {
  const unreported = unreportedUsage({ ...figures, kind: source.kind, source: source.source })
  return (
    <>
      <TableCell className="text-right text-xs text-muted-foreground tabular-nums">
        {unreported?.tokens ? (
          <Unreported note={unreported.note} />
        ) : (
          <>
            {formatTokens(figures.input_tokens)} / {formatTokens(figures.output_tokens)}
          </>
        )}
      </TableCell>
      <TableCell className="text-right font-mono text-xs tabular-nums">
        {unreported?.cost ? <Unreported note={unreported.note} /> : formatCost(figures.cost_usd)}
      </TableCell>
    </>
  )
}

/** Every task of the execution, one row each; earlier attempts of a retried task sit under it. */
export function TasksTable({ attempts, source }: { attempts: TaskAttempt[]; source: SourceFields }) {
  const groups = groupAttempts(attempts)
  return (
    <Table aria-label="Tasks">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Task</TableHead>
          <TableHead>Agent</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Attempt</TableHead>
          <TableHead>Started</TableHead>
          <TableHead className="text-right">Duration</TableHead>
          <TableHead className="text-right">Tokens in/out</TableHead>
          <TableHead className="text-right">Cost</TableHead>
          <TableHead>Depends on</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {groups.map((group) => {
          const { latest } = group
          const sums = groupTotals(group)
          return (
            <Fragment key={group.taskId}>
              <TableRow data-task={group.taskId} className={cn(group.earlier.length > 0 && 'border-b-0')}>
                <TableCell className="font-mono text-xs font-medium">
                  {group.taskId}
                  {latest.error && (
                    <p className="mt-1 max-w-md font-sans text-xs font-normal whitespace-normal text-destructive">
                      {latest.error}
                    </p>
                  )}
                </TableCell>
                <TableCell className="text-muted-foreground">{latest.agent}</TableCell>
                <TableCell>
                  <TaskStatusBadge status={latest.status} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {group.attempts > 1 ? <span title={`${group.attempts} attempts`}>×{group.attempts}</span> : latest.attempt}
                </TableCell>
                <TableCell>
                  <StartedAt value={latest.started_at} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatDuration(durationBetween(latest.started_at, latest.completed_at))}
                </TableCell>
                <Usage
                  source={source}
                  figures={{ cost_usd: sums.costUsd, input_tokens: sums.inputTokens, output_tokens: sums.outputTokens }}
                />
                <TableCell className="font-mono text-xs text-muted-foreground">
                  {latest.depends_on.length > 0 ? latest.depends_on.join(', ') : '—'}
                </TableCell>
              </TableRow>
              {group.earlier.map((attempt, index) => (
                <TableRow
                  key={attempt.id}
                  className={cn('bg-muted/30 text-muted-foreground', index < group.earlier.length - 1 && 'border-b-0')}
                >
                  <TableCell className="pl-8 text-xs">
                    ↳ attempt {attempt.attempt}
                    {attempt.error && (
                      <p className="mt-1 max-w-md text-xs whitespace-normal text-destructive">{attempt.error}</p>
                    )}
                  </TableCell>
                  <TableCell />
                  <TableCell>
                    <TaskStatusBadge status={attempt.status} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{attempt.attempt}</TableCell>
                  <TableCell>
                    <StartedAt value={attempt.started_at} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatDuration(durationBetween(attempt.started_at, attempt.completed_at))}
                  </TableCell>
                  <Usage source={source} figures={attempt} />
                  <TableCell />
                </TableRow>
              ))}
            </Fragment>
          )
        })}
      </TableBody>
    </Table>
  )
}
