import { ArrowLeftIcon, FolderSearchIcon, PencilIcon, Trash2Icon } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { useCan } from '@/hooks/use-can'
import { ApiError } from '@/lib/api-client'
import { formatDateTime, formatRelativeTime } from '@/lib/format'
import { formatJson } from '@/lib/json'

import { useProject } from '../api/get-project'
import type { Project } from '../api/types'
import { DeleteProjectDialog } from './delete-project-dialog'
import { EditProjectDialog } from './edit-project-dialog'
import { ProjectStatusBadge } from './project-status-badge'

function BackLink() {
  return (
    <Button variant="ghost" size="sm" asChild className="-ml-2 w-fit text-muted-foreground">
      <Link to="/projects">
        <ArrowLeftIcon />
        Projects
      </Link>
    </Button>
  )
}

/** One project: loads it, and shows a not-found state for an unknown id. */
/** `actions` (beside Edit and Delete) and `sections` (below the details) come from other features, composed by the route. */
export function ProjectDetails({ id, actions, sections }: { id: string; actions?: ReactNode; sections?: ReactNode }) {
  const query = useProject(id)

  if (query.isPending) return <ProjectDetailsSkeleton />
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <div className="grid gap-6">
          <BackLink />
          <Card>
            <EmptyState
              icon={<FolderSearchIcon />}
              title="Project not found"
              description="There is no project with this id. It may have been deleted."
              action={
                <Button asChild variant="outline">
                  <Link to="/projects">Back to projects</Link>
                </Button>
              }
            />
          </Card>
        </div>
      )
    }
    return (
      <div className="grid gap-6">
        <BackLink />
        <Card>
          <ErrorState
            title="Could not load the project"
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        </Card>
      </div>
    )
  }
  return <ProjectDetailsView project={query.data} actions={actions} sections={sections} />
}

function ProjectDetailsView({ project, actions, sections }: { project: Project; actions?: ReactNode; sections?: ReactNode }) {
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null)
  const navigate = useNavigate()
  const canWrite = useCan('projects:write')
  const setOpen = (which: 'edit' | 'delete') => (open: boolean) => setDialog(open ? which : null)

  return (
    <div className="grid gap-6">
      <BackLink />
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-all">{project.name}</h1>
            <ProjectStatusBadge status={project.status} />
          </div>
          {project.description ? (
            <p className="max-w-2xl text-muted-foreground">{project.description}</p>
          ) : (
            <p className="text-sm text-muted-foreground italic">No description</p>
          )}
        </div>
        {(canWrite || actions) && (
          <div className="flex shrink-0 flex-wrap gap-2">
            {actions}
            {canWrite && (
              <>
                <Button variant="outline" onClick={() => setDialog('edit')}>
                  <PencilIcon />
                  Edit
                </Button>
                <Button
                  variant="outline"
                  onClick={() => setDialog('delete')}
                  className="text-destructive hover:text-destructive"
                >
                  <Trash2Icon />
                  Delete
                </Button>
              </>
            )}
          </div>
        )}
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 text-sm">
              <Detail label="Workspace directory">
                <span className="font-mono text-[13px] break-all">{project.workspace_dir ?? '—'}</span>
              </Detail>
              <Detail label="Created">
                <Timestamp value={project.created_at} />
              </Detail>
              <Detail label="Updated">
                <Timestamp value={project.updated_at} />
              </Detail>
              <Detail label="ID">
                <span className="font-mono text-[13px] break-all text-muted-foreground">{project.id}</span>
              </Detail>
            </dl>
          </CardContent>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Config</CardTitle>
          </CardHeader>
          <CardContent>
            <pre
              aria-label="Config"
              className="max-h-96 overflow-auto rounded-lg border bg-muted/50 px-4 py-3 font-mono text-[13px] leading-relaxed"
            >
              {formatJson(project.config)}
            </pre>
          </CardContent>
        </Card>
      </div>

      {sections}

      {canWrite && (
        <>
          <EditProjectDialog project={project} open={dialog === 'edit'} onOpenChange={setOpen('edit')} />
          <DeleteProjectDialog
            project={project}
            open={dialog === 'delete'}
            onOpenChange={setOpen('delete')}
            onDeleted={() => void navigate('/projects', { replace: true })}
          />
        </>
      )}
    </div>
  )
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  )
}

function Timestamp({ value }: { value: string }) {
  return (
    <time dateTime={value}>
      {formatDateTime(value)} <span className="text-muted-foreground">· {formatRelativeTime(value)}</span>
    </time>
  )
}

function ProjectDetailsSkeleton() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading project">
      <Skeleton className="h-8 w-24" />
      <div className="space-y-3">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <Skeleton className="h-64 rounded-xl" />
        <Skeleton className="h-64 rounded-xl" />
      </div>
    </div>
  )
}
