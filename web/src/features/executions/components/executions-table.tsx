import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

import { RelativeTime } from '@/components/relative-time'
import { SourceBadge } from '@/components/source-badge'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { useNow } from '@/hooks/use-now'
import { cn } from '@/lib/utils'

import type { ExecutionSort, ExecutionSummary, SortOrder } from '../api/types'
import { durationBetween, formatCost, formatDuration, formatTokens, formatTokensExact } from '../lib/format'
import { hasKnownTaskTotal, isActive, summarizeTasks } from '../lib/status'
import { unreportedUsage } from '../lib/usage'
import { ExecutionProgress } from './execution-progress'
import { ExecutionStatusBadge } from './status-badge'
import { Unreported } from './unreported'

export type SortState = { sort: ExecutionSort; order: SortOrder; onSort: (column: ExecutionSort) => void }

/** A column header that sorts the list (server-side) when a sort is given, plain text otherwise. */
function SortableHead({
  column,
  sorting,
  align = 'left',
  className,
  children,
}: {
  column: ExecutionSort
  sorting?: SortState
  align?: 'left' | 'right'
  className?: string
  children: ReactNode
}) {
  if (!sorting) return <TableHead className={cn(align === 'right' && 'text-right', className)}>{children}</TableHead>
  const sorted = sorting.sort === column
  const Icon = !sorted ? ArrowUpDownIcon : sorting.order === 'asc' ? ArrowUpIcon : ArrowDownIcon
  return (
    <TableHead
      aria-sort={sorted ? (sorting.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={cn(align === 'right' && 'text-right', className)}
    >
      <button
        type="button"
        onClick={() => sorting.onSort(column)}
        className={cn(
          'group -mx-1.5 inline-flex items-center gap-1 rounded-sm px-1.5 py-1 outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
          sorted && 'text-foreground',
          align === 'right' && 'flex-row-reverse',
        )}
      >
        {children}
        <Icon aria-hidden className={cn('size-3.5 transition-opacity', sorted ? 'opacity-80' : 'opacity-0 group-hover:opacity-50 group-focus-visible:opacity-50')} />
      </button>
    </TableHead>
  )
}

function Columns({ showProject, sorting }: { showProject: boolean; sorting?: SortState }) {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        <TableHead className="w-30">Status</TableHead>
        <TableHead>Name</TableHead>
        {showProject && <TableHead className="hidden w-44 lg:table-cell">Project</TableHead>}
        <SortableHead column="created_at" sorting={sorting} className="hidden w-28 md:table-cell">
          Started
        </SortableHead>
        <SortableHead column="duration" sorting={sorting} align="right" className="hidden w-24 sm:table-cell">
          Duration
        </SortableHead>
        <TableHead className="hidden w-40 sm:table-cell">Tasks</TableHead>
        <SortableHead column="cost" sorting={sorting} align="right" className="w-24">
          Cost
        </SortableHead>
        <TableHead className="hidden w-28 text-right 2xl:table-cell">Tokens</TableHead>
      </TableRow>
    </TableHeader>
  )
}

function TasksCell({ execution }: { execution: ExecutionSummary }) {
  const live = isActive(execution.status)
  const { totals } = execution
  // Sessions and orchestrator runs may report no task at all: say so rather than "0/0".
  if (totals.tasks === 0) return <span className="text-muted-foreground">No tasks</span>
  // A running session's count only grows: no bar towards it.
  if (live && !hasKnownTaskTotal(execution)) {
    return <span className="block truncate text-muted-foreground tabular-nums">{summarizeTasks(totals)}</span>
  }
  if (live) return <ExecutionProgress totals={totals} label={`Progress of ${execution.name}`} className="w-24" />
  return (
    <span className="text-muted-foreground tabular-nums">
      {totals.completed}/{totals.tasks} done
    </span>
  )
}

export function ExecutionsTable({
  executions,
  label,
  showProject = false,
  sorting,
}: {
  executions: ExecutionSummary[]
  label: string
  /** Off where every row is of the same project. */
  showProject?: boolean
  sorting?: SortState
}) {
  // Running rows count their duration up.
  const now = useNow(1000, executions.some((e) => isActive(e.status)))
  return (
    <Table aria-label={label} className="table-fixed">
      <Columns showProject={showProject} sorting={sorting} />
      <TableBody>
        {executions.map((execution) => {
          const duration = durationBetween(execution.started_at, execution.completed_at, now)
          const unreported = unreportedUsage(execution)
          const tokens = `${formatTokensExact(execution.input_tokens)} tokens in, ${formatTokensExact(execution.output_tokens)} out`
          return (
            <TableRow key={execution.id}>
              <TableCell>
                <ExecutionStatusBadge status={execution.status} />
              </TableCell>
              <TableCell className="max-w-0">
                {/* The badge goes under the name: beside it, it left "Claude …" of a session's name. */}
                <Link
                  to={`/executions/${execution.id}`}
                  title={execution.name}
                  className="block truncate rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  {execution.name}
                </Link>
                <div className="mt-0.5 flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
                  <SourceBadge execution={execution} className="shrink-0" />
                  {execution.rerun_of && <span className="shrink-0">Re-run</span>}
                  {/* Where the Project column is hidden. */}
                  {showProject && execution.project_name && <span className="truncate lg:hidden">{execution.project_name}</span>}
                </div>
              </TableCell>
              {showProject && (
                <TableCell className="hidden max-w-0 lg:table-cell">
                  {execution.project_id ? (
                    <Link
                      to={`/projects/${execution.project_id}`}
                      className="block truncate text-muted-foreground hover:text-foreground hover:underline"
                    >
                      {execution.project_name ?? <span className="font-mono text-xs">{execution.project_id.slice(0, 8)}</span>}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </TableCell>
              )}
              <TableCell className="hidden text-muted-foreground md:table-cell">
                {execution.started_at ? <RelativeTime value={execution.started_at} /> : 'Not yet'}
              </TableCell>
              <TableCell className="hidden text-right tabular-nums sm:table-cell">{formatDuration(duration)}</TableCell>
              <TableCell className="hidden sm:table-cell">
                <TasksCell execution={execution} />
              </TableCell>
              <TableCell className="text-right font-mono text-xs tabular-nums">
                {unreported?.cost ? (
                  <Unreported note={unreported.note} />
                ) : (
                  <Tooltip>
                    <TooltipTrigger asChild>
                      <span className="cursor-default">{formatCost(execution.cost_usd)}</span>
                    </TooltipTrigger>
                    <TooltipContent>{unreported?.tokens ? unreported.note : tokens}</TooltipContent>
                  </Tooltip>
                )}
              </TableCell>
              <TableCell className="hidden text-right text-xs text-muted-foreground tabular-nums 2xl:table-cell">
                {unreported?.tokens ? (
                  <Unreported note={unreported.note} />
                ) : (
                  <Tooltip>
                    <TooltipTrigger asChild>
                      <span className="cursor-default">
                        {formatTokens(execution.input_tokens)} / {formatTokens(execution.output_tokens)}
                      </span>
                    </TooltipTrigger>
                    <TooltipContent>{tokens}</TooltipContent>
                  </Tooltip>
                )}
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
            <TableCell className="space-y-1.5">
              <Skeleton className="h-4 w-40 max-w-full" />
              <Skeleton className="h-3.5 w-24 max-w-full" />
            </TableCell>
            {showProject && (
              <TableCell className="hidden lg:table-cell">
                <Skeleton className="h-3.5 w-32 max-w-full" />
              </TableCell>
            )}
            <TableCell className="hidden md:table-cell">
              <Skeleton className="h-3.5 w-16" />
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <Skeleton className="ml-auto h-3.5 w-12" />
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <Skeleton className="h-3.5 w-24" />
            </TableCell>
            <TableCell>
              <Skeleton className="ml-auto h-3.5 w-14" />
            </TableCell>
            <TableCell className="hidden 2xl:table-cell">
              <Skeleton className="ml-auto h-3.5 w-16" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
