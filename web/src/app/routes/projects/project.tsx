import { useParams } from 'react-router'

import { useProject } from '@/features/projects/api/get-project'
import { ProjectDetails } from '@/features/projects/components/project-details'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function ProjectRoute() {
  const { id = '' } = useParams()
  const { data } = useProject(id)
  useDocumentTitle(data?.name ?? 'Project')
  // Keyed by id so moving between projects starts with fresh dialogs and state.
  return <ProjectDetails key={id} id={id} />
}
