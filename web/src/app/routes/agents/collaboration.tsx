import { ArrowLeftIcon } from 'lucide-react'
import { useMemo } from 'react'
import { Link } from 'react-router'

import { PageHeader } from '@/components/layout/page-header'
import { Button } from '@/components/ui/button'
import { useAgents } from '@/features/agents/api/get-agents'
import { CollaborationView } from '@/features/collaboration/components/collaboration-view'
import { useCollaborationLive } from '@/features/collaboration/hooks/use-collaboration-live'
import { useProjects } from '@/features/projects/api/get-projects'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function CollaborationRoute() {
  useDocumentTitle('Agent collaboration')
  useCollaborationLive()
  // Options of the project filter; a project past the first 200 still shows by its id.
  const projects = useProjects({ limit: 200 })
  // The colours agent files declare; agents without a file get their name's colour.
  const agents = useAgents({})
  const declaredColors = useMemo(
    () => new Map((agents.data?.items ?? []).map((agent) => [agent.name, agent.color ?? null] as const)),
    [agents.data],
  )
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Button variant="ghost" size="sm" asChild className="-ml-2 w-fit text-muted-foreground">
          <Link to="/agents">
            <ArrowLeftIcon />
            Agents
          </Link>
        </Button>
        <PageHeader
          title="Agent collaboration"
          description="Which agents hand work to which, from the dependencies between their tasks in the plans run in the range."
        />
      </div>
      <CollaborationView projects={projects.data?.items.map(({ id, name }) => ({ id, name })) ?? []} declaredColors={declaredColors} />
    </div>
  )
}
