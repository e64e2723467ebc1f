import type { ReactNode } from 'react'
import { Link } from 'react-router'

import { RelativeTime } from '@/components/relative-time'
import { Skeleton } from '@/components/ui/skeleton'
import { useCan } from '@/hooks/use-can'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'

import type { Project } from '../api/types'
import { ProjectActionsMenu } from './project-actions-menu'
import { ProjectStatusBadge } from './project-status-badge'

function Columns({ actions }: { actions: boolean }) {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        <TableHead>Name</TableHead>
        <TableHead className="w-28">Status</TableHead>
        <TableHead className="hidden md:table-cell">Workspace</TableHead>
        <TableHead className="hidden w-36 sm:table-cell">Updated</TableHead>
        {actions && (
          <TableHead className="w-12">
            <span className="sr-only">Actions</span>
          </TableHead>
        )}
      </TableRow>
    </TableHeader>
  )
}

export function ProjectsTable({
  projects,
  label,
  rowActions,
}: {
  projects: Project[]
  label: string
  /** More items for each row's menu, from other features. */
  rowActions?: (project: Project) => ReactNode
}) {
  const canWrite = useCan('projects:write')
  return (
    <Table aria-label={label} className="table-fixed">
      <Columns actions={canWrite} />
      <TableBody>
        {projects.map((project) => (
          <TableRow key={project.id}>
            <TableCell className="max-w-0">
              <Link
                to={`/projects/${project.id}`}
                className="block truncate rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                {project.name}
              </Link>
              {project.description && (
                <p className="truncate text-xs text-muted-foreground" title={project.description}>
                  {project.description}
                </p>
              )}
            </TableCell>
            <TableCell>
              <ProjectStatusBadge status={project.status} />
            </TableCell>
            <TableCell className="hidden max-w-0 md:table-cell">
              <span
                className="block truncate font-mono text-xs text-muted-foreground"
                title={project.workspace_dir ?? undefined}
              >
                {project.workspace_dir ?? '—'}
              </span>
            </TableCell>
            <TableCell className="hidden text-muted-foreground sm:table-cell">
              <RelativeTime value={project.updated_at} />
            </TableCell>
            {canWrite && (
              <TableCell className="text-right">
                <ProjectActionsMenu project={project} extra={rowActions?.(project)} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

export function ProjectsTableSkeleton({ rows = 6 }: { rows?: number }) {
  const canWrite = useCan('projects:write')
  return (
    <Table aria-label="Loading projects" aria-busy="true" className="table-fixed">
      <Columns actions={canWrite} />
      <TableBody>
        {Array.from({ length: rows }, (_, index) => (
          <TableRow key={index} className="hover:bg-transparent">
            <TableCell>
              <Skeleton className="h-4 w-40 max-w-full" />
              <Skeleton className="mt-1.5 h-3 w-56 max-w-full" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-5 w-16 rounded-full" />
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <Skeleton className="h-3.5 w-48 max-w-full" />
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <Skeleton className="h-3.5 w-20" />
            </TableCell>
            {canWrite && (
              <TableCell>
                <Skeleton className="ml-auto size-6" />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
