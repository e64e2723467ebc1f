import { HistoryIcon, TimerIcon } from 'lucide-react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { RelativeTime } from '@/components/relative-time'
import { SourceBadge } from '@/components/source-badge'
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { formatDuration, formatUsd } from '@/lib/metric-format'

import type { RecentTask } from '../api/types'
import { TaskStatusBadge } from './task-status-badge'

/**
 * Sized by the card, not the window (container queries): the card shares the page with a sidebar,
 * so at 1280 px it is only about 630 px wide. The execution’s name keeps most of the room; when
 * it started and how long it took share one column.
 */
function TasksTable({ tasks }: { tasks: RecentTask[] }) {
  return (
    <Table aria-label="Recent tasks" className="table-fixed">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-30">Status</TableHead>
          <TableHead>Execution</TableHead>
          <TableHead className="hidden w-36 @2xl:table-cell">Task</TableHead>
          <TableHead className="hidden w-36 @md:table-cell">Started</TableHead>
          <TableHead className="w-20 text-right">Cost</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tasks.map((task) => (
          <TableRow key={`${task.execution_id}/${task.task_id}/${task.attempt}`}>
            <TableCell>
              <TaskStatusBadge status={task.status} />
            </TableCell>
            <TableCell className="max-w-0">
              <Link
                to={`/executions/${task.execution_id}`}
                title={task.execution_name}
                className="block truncate rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                {task.execution_name}
              </Link>
              <p className="mt-0.5 flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
                <SourceBadge execution={{ kind: task.execution_kind, source: task.execution_source }} className="shrink-0" />
                {task.project_name &&
                  (task.project_id ? (
                    <Link to={`/projects/${task.project_id}`} title={task.project_name} className="truncate hover:text-foreground hover:underline">
                      {task.project_name}
                    </Link>
                  ) : (
                    <span className="truncate" title={task.project_name}>
                      {task.project_name}
                    </span>
                  ))}
              </p>
              {/* Where the Task column has no room, the task goes under its execution. */}
              <p className="mt-0.5 truncate font-mono text-xs text-muted-foreground @2xl:hidden" title={task.task_id}>
                {task.task_id}
                {task.attempt > 1 && <span className="font-sans"> · attempt {task.attempt}</span>}
              </p>
            </TableCell>
            <TableCell className="hidden max-w-0 @2xl:table-cell">
              <span className="block truncate font-mono text-[13px]" title={task.task_id}>
                {task.task_id}
              </span>
              {task.attempt > 1 && <span className="text-xs text-muted-foreground">attempt {task.attempt}</span>}
            </TableCell>
            <TableCell className="hidden @md:table-cell">
              <span className="block truncate text-muted-foreground">
                {task.started_at ? <RelativeTime value={task.started_at} /> : 'Not yet'}
              </span>
              {task.duration_ms != null && (
                <span className="mt-0.5 flex items-center gap-1 text-xs tabular-nums" title="Duration">
                  <TimerIcon aria-hidden className="size-3 text-muted-foreground" />
                  {formatDuration(task.duration_ms)}
                </span>
              )}
            </TableCell>
            <TableCell className="text-right font-mono text-xs tabular-nums" title={`${task.input_tokens} input · ${task.output_tokens} output tokens`}>
              {formatUsd(task.cost_usd)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

/** The agent's newest task attempts, each opening its execution. */
export function RecentTasks({ tasks }: { tasks: RecentTask[] }) {
  return (
    <Card role="region" aria-labelledby="recent-tasks-heading" className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle id="recent-tasks-heading">Recent tasks</CardTitle>
        <CardDescription>The newest attempts of this agent, in every project.</CardDescription>
      </CardHeader>
      {tasks.length === 0 ? (
        <EmptyState
          icon={<HistoryIcon />}
          title="No tasks yet"
          description="Tasks this agent runs, in a plan, on its own or in a Claude Code session, are listed here."
          className="border-t py-10"
        />
      ) : (
        <div className="@container border-t">
          <TasksTable tasks={tasks} />
        </div>
      )}
    </Card>
  )
}
