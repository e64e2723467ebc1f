import { useParams } from 'react-router'

import { AgentDetails } from '@/features/agents/components/agent-details'
import { useLiveAgents } from '@/features/agents/hooks/use-live-agents'
import { useProjects } from '@/features/projects/api/get-projects'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function AgentRoute() {
  const { name = '' } = useParams()
  useDocumentTitle(name || 'Agent')
  useLiveAgents()
  // The configuration's scopes and the definition's project names; a project past the first 200 shows by its id.
  const projects = useProjects({ limit: 200 })
  // Keyed by name so moving between agents (a collaborator's link) starts with fresh state.
  return <AgentDetails key={name} name={name} projects={projects.data?.items.map(({ id, name }) => ({ id, name })) ?? []} />
}
