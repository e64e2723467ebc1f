import { Navigate, useNavigate, useParams } from 'react-router'

import { ProjectConfigTab } from '@/features/config/components/project-config-tab'
import { useProjects } from '@/features/projects/api/get-projects'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function ProjectConfigurationRoute() {
  const { projectId } = useParams()
  const navigate = useNavigate()
  // The picker's projects; one past the first 200 still opens by its id in the URL.
  const projects = useProjects({ limit: 200 })
  const options = projects.data?.items.map(({ id, name }) => ({ id, name }))
  useDocumentTitle(projectId ? `${options?.find((project) => project.id === projectId)?.name ?? 'Project'} configuration` : 'Project configuration')

  // Without a project in the URL, the first one.
  const first = options?.[0]
  if (!projectId && first) return <Navigate to={`/configuration/projects/${encodeURIComponent(first.id)}`} replace />

  return (
    <ProjectConfigTab
      projects={options}
      error={projects.isError ? projects.error : null}
      onRetry={() => void projects.refetch()}
      retrying={projects.isFetching}
      projectId={projectId}
      onProjectChange={(id) => navigate(`/configuration/projects/${encodeURIComponent(id)}`)}
    />
  )
}
