import { PlusIcon } from 'lucide-react'
import { useState } from 'react'

import { PageHeader } from '@/components/layout/page-header'
import { Button } from '@/components/ui/button'
import { useCan } from '@/hooks/use-can'
import { CreateProjectWizard } from '@/features/projects/components/create-project-wizard'
import { StartProjectMenuItem } from '@/features/executions/components/project-run-controls'
import { ProjectsList } from '@/features/projects/components/projects-list'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function ProjectsRoute() {
  useDocumentTitle('Projects')
  const [creating, setCreating] = useState(false)
  const canWrite = useCan('projects:write')
  const canRun = useCan('executions:control')
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Projects"
        description="Each project is a workspace directory your agents work in."
        actions={
          canWrite && (
            <Button onClick={() => setCreating(true)}>
              <PlusIcon />
              New project
            </Button>
          )
        }
      />
      <ProjectsList
        onCreate={canWrite ? () => setCreating(true) : undefined}
        rowActions={canRun ? (project) => <StartProjectMenuItem projectId={project.id} /> : undefined}
      />
      {canWrite && <CreateProjectWizard open={creating} onOpenChange={setCreating} />}
    </div>
  )
}
