import { WaypointsIcon } from 'lucide-react'
import { Link } from 'react-router'

import { PageHeader } from '@/components/layout/page-header'
import { Button } from '@/components/ui/button'
import { AgentsList } from '@/features/agents/components/agents-list'
import { useLiveAgents } from '@/features/agents/hooks/use-live-agents'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function AgentsRoute() {
  useDocumentTitle('Agents')
  useLiveAgents()
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Agents"
        description="Every agent Baton knows, from agent files, the registry, configuration and runs: what it does now and how it has done."
        actions={
          <Button variant="outline" asChild>
            <Link to="/agents/collaboration">
              <WaypointsIcon />
              Collaboration
            </Link>
          </Button>
        }
      />
      <AgentsList />
    </div>
  )
}
