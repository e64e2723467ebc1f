import { Link } from 'react-router'

import { RelativeTime } from '@/components/relative-time'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'

import type { ExecutionSummary } from '../api/types'
import { durationBetween, formatCost, formatDuration, formatTokens, formatTokensExact } from '../lib/format'
import { isActive } from '../lib/status'
import { ExecutionProgress } from './execution-progress'
import { ExecutionStatusBadge } from './status-badge'

function Columns({ showProject }: { showProject: boolean }) {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        <TableHead className="w-30">Status</TableHead>
        <TableHead>Name</TableHead>
        {showProject && <TableHead className="hidden lg:table-cell">Project</TableHead>}
        <TableHead className="w-28">Started</TableHead>
        <TableHead className="w-24 text-right">Duration</TableHead>
        <TableHead className="w-36">Tasks</TableHead>
        <TableHead className="w-24 text-right">Cost</TableHead>
        <TableHead className="hidden w-28 text-right md:table-cell">Tokens</TableHead>
      </TableRow>
    </TableHeader>
  )
}

function TasksCell({ execution }: { execution: ExecutionSummary }) {
  const live = isActive(execution.status)
  const { totals } = execution
  if (live) return <ExecutionProgress totals={totals} label={`Progress of ${execution.name}`} className="w-28" />
  return (
    <span className="text-muted-foreground tabular-nums">
      {totals.completed}/{totals.tasks} done
    </span>
  )
}

export function ExecutionsTable({
  executions,
  label,
  projectName,
}: {
  executions: ExecutionSummary[]
  label: string
  /** Omitted where every row is of the same project. */
  projectName?: (id: string) => string | undefined
}) {
  // Running ones first: they are what people come to watch.
  const rows = [...executions.filter((e) => isActive(e.status)), ...executions.filter((e) => !isActive(e.status))]
  return (
    <Table aria-label={label} className="table-fixed">
      <Columns showProject={projectName !== undefined} />
      <TableBody>
        {rows.map((execution) => {
          const duration = durationBetween(execution.started_at, execution.completed_at)
          const project = execution.project_id ? projectName?.(execution.project_id) : undefined
          return (
            <TableRow key={execution.id}>
              <TableCell>
                <ExecutionStatusBadge status={execution.status} />
              </TableCell>
              <TableCell className="max-w-0">
                <Link
                  to={`/executions/${execution.id}`}
                  className="block truncate rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  {execution.name}
                </Link>
                {execution.rerun_of && <p className="text-xs text-muted-foreground">Re-run</p>}
              </TableCell>
              {projectName && (
                <TableCell className="hidden max-w-0 lg:table-cell">
                  {execution.project_id ? (
                    <Link
                      to={`/projects/${execution.project_id}`}
                      className="block truncate text-muted-foreground hover:text-foreground hover:underline"
                    >
                      {project ?? <span className="font-mono text-xs">{execution.project_id.slice(0, 8)}</span>}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </TableCell>
              )}
              <TableCell className="text-muted-foreground">
                {execution.started_at ? <RelativeTime value={execution.started_at} /> : 'Not yet'}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatDuration(duration)}</TableCell>
              <TableCell>
                <TasksCell execution={execution} />
              </TableCell>
              <TableCell className="text-right font-mono text-xs tabular-nums">{formatCost(execution.cost_usd)}</TableCell>
              <TableCell className="hidden text-right text-xs text-muted-foreground tabular-nums md:table-cell">
                <Tooltip>
                  <TooltipTrigger asChild>
                    <span className="cursor-default">
                      {formatTokens(execution.input_tokens)} / {formatTokens(execution.output_tokens)}
                    </span>
                  </TooltipTrigger>
                  <TooltipContent>
                    {formatTokensExact(execution.input_tokens)} in, {formatTokensExact(execution.output_tokens)} out
                  </TooltipContent>
                </Tooltip>
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}

export function ExecutionsTableSkeleton({ rows = 6, showProject = true }: { rows?: number; showProject?: boolean }) {
  return (
    <Table aria-label="Loading executions" aria-busy="true" className="table-fixed">
      <Columns showProject={showProject} />
      <TableBody>
        {Array.from({ length: rows }, (_, index) => (
          <TableRow key={index} className="hover:bg-transparent">
            <TableCell>
              <Skeleton className="h-5 w-20 rounded-full" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-4 w-40 max-w-full" />
            </TableCell>
            {showProject && (
              <TableCell className="hidden lg:table-cell">
                <Skeleton className="h-3.5 w-32 max-w-full" />
              </TableCell>
            )}
            <TableCell>
              <Skeleton className="h-3.5 w-16" />
            </TableCell>
            <TableCell>
              <Skeleton className="ml-auto h-3.5 w-12" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-3.5 w-24" />
            </TableCell>
            <TableCell>
              <Skeleton className="ml-auto h-3.5 w-14" />
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <Skeleton className="ml-auto h-3.5 w-16" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
