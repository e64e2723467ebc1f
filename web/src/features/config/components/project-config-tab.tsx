import { FolderKanbanIcon } from 'lucide-react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Label } from '@/components/ui/label'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'

import type { ProjectOption } from '../api/types'
import { ScopedConfig } from './scoped-config'
import { SecretHint } from './secret-hint'

type Props = {
  /** Undefined while the list loads. */
  projects: ProjectOption[] | undefined
  error: unknown
  onRetry: () => void
  retrying: boolean
  /** The project in the URL; unknown ids show as they are. */
  projectId: string | undefined
  onProjectChange: (id: string) => void
}

/**
 * One project's overrides (settings, its agents' environment and configurations) with the
 * effective merged configuration, versions and revert; the project is chosen in the URL.
 */
export function ProjectConfigTab({ projects, error, onRetry, retrying, projectId, onProjectChange }: Props) {
  if (error) {
    return (
      <Card>
        <ErrorState title="Could not load the projects" error={error} onRetry={onRetry} retrying={retrying} />
      </Card>
    )
  }
  if (!projects) return <Skeleton aria-busy="true" aria-label="Loading projects" className="h-9 w-72" />
  if (projects.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={<FolderKanbanIcon />}
          title="No projects yet"
          description="Create a project first; then give it its own settings, environment and agent configurations here."
          action={
            <Button asChild variant="outline">
              <Link to="/projects">Go to projects</Link>
            </Button>
          }
        />
      </Card>
    )
  }

  const current = projectId ? (projects.find((project) => project.id === projectId) ?? { id: projectId, name: projectId }) : undefined
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <Label htmlFor="config-project">Project</Label>
        <Select value={current?.id ?? ''} onValueChange={onProjectChange}>
          <SelectTrigger id="config-project" className="w-96 max-w-full">
            <SelectValue placeholder="Choose a project" />
          </SelectTrigger>
          <SelectContent>
            {projects.map((project) => (
              <SelectItem key={project.id} value={project.id}>
                <span className="truncate">{project.name}</span>
              </SelectItem>
            ))}
            {current && !projects.some((project) => project.id === current.id) && <SelectItem value={current.id}>{current.name}</SelectItem>}
          </SelectContent>
        </Select>
      </div>
      {current ? (
        // Keyed by project: another project is another document, with its own draft.
        <ScopedConfig key={current.id} scope={{ kind: 'project', projectId: current.id, projectName: current.name }} hint={<SecretHint />} />
      ) : (
        <Card>
          <EmptyState icon={<FolderKanbanIcon />} title="Choose a project" description="Its settings, environment and agent configurations show here." />
        </Card>
      )}
    </div>
  )
}
