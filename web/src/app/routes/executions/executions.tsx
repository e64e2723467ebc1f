import { PageHeader } from '@/components/layout/page-header'
import { ExecutionsList } from '@/features/executions/components/executions-list'
import { useProjects } from '@/features/projects/api/get-projects'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function ExecutionsRoute() {
  useDocumentTitle('Executions')
  // Names for the project column and filter; ids show for projects past the first 200.
  const projects = useProjects({ limit: 200 })
  return (
    <div className="grid gap-6">
      <PageHeader title="Executions" description="Every run of a plan: its progress, cost and output." />
      <ExecutionsList projects={projects.data?.items.map(({ id, name }) => ({ id, name })) ?? []} />
    </div>
  )
}
