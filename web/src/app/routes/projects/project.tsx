import { useParams } from 'react-router'

import { ProjectExecutions } from '@/features/executions/components/project-executions'
import { ProjectRunControls } from '@/features/executions/components/project-run-controls'
import { usePlans } from '@/features/plans/api/get-plans'
import { ProjectPlans } from '@/features/plans/components/project-plans'
import { useProject } from '@/features/projects/api/get-project'
import { ProjectDetails } from '@/features/projects/components/project-details'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function ProjectRoute() {
  const { id = '' } = useParams()
  const { data } = useProject(id)
  const plans = usePlans(id)
  useDocumentTitle(data?.name ?? 'Project')
  // Keyed by id so moving between projects starts with fresh dialogs and state.
  return (
    <ProjectDetails
      key={id}
      id={id}
      actions={<ProjectRunControls projectId={id} noDefaultPlan={plans.data ? !plans.data.default_plan_id : false} />}
      sections={
        <>
          <ProjectExecutions projectId={id} />
          <ProjectPlans projectId={id} />
        </>
      }
    />
  )
}
