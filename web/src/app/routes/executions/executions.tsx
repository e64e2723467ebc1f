import { PageHeader } from '@/components/layout/page-header'
import { ActiveExecutions } from '@/features/executions/components/active-executions'
import { ExecutionsList } from '@/features/executions/components/executions-list'
import { useProjects } from '@/features/projects/api/get-projects'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function ExecutionsRoute() {
  useDocumentTitle('Executions')
  // Options of the project filter; a project past the first 200 still shows by its id.
  const projects = useProjects({ limit: 200 })
  return (
    <div className="grid gap-8">
      <PageHeader
        title="Executions"
        description="Plan runs, Claude Code sessions and orchestrator.sh runs: what runs now, and the history with tasks, cost and logs."
      />
      <ActiveExecutions />
      <ExecutionsList projects={projects.data?.items.map(({ id, name }) => ({ id, name })) ?? []} />
    </div>
  )
}
