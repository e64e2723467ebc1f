import { Fragment } from 'react'
import { Link } from 'react-router'

import { Badge } from '@/components/ui/badge'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'

import type { AgentDefinition, AgentDetail, ProjectOption } from '../api/types'
import { originLabel, SCOPE_LABELS } from '../lib/format'

function ScopeBadge({ definition, projects }: { definition: AgentDefinition; projects: ProjectOption[] }) {
  const scope = SCOPE_LABELS[definition.scope]
  const project = definition.project_id ? projects.find((p) => p.id === definition.project_id) : undefined
  return (
    <span className="flex flex-wrap items-center gap-1.5 text-xs">
      <Badge variant="outline" title={scope?.description}>
        {scope?.label ?? definition.scope}
      </Badge>
      {definition.project_id && (
        <Link to={`/projects/${definition.project_id}`} className="text-muted-foreground hover:text-foreground hover:underline">
          {project?.name ?? <span className="font-mono">{definition.project_id.slice(0, 8)}</span>}
        </Link>
      )}
    </span>
  )
}

/** A path that wraps after its slashes, and inside a name only when one is longer than the line. */
function FilePath({ path }: { path: string }) {
  const parts = path.split('/')
  return (
    <code className="block font-mono text-[12px] leading-relaxed [overflow-wrap:anywhere]" title={path}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </code>
  )
}

/** Where Baton knows the agent from, the file that defines it, and the files that lost to it. */
export function AgentDefinitionCard({ agent, projects }: { agent: AgentDetail; projects: ProjectOption[] }) {
  return (
    <Card role="region" aria-labelledby="agent-definition-heading">
      <CardHeader>
        <CardTitle id="agent-definition-heading">Definition</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5 text-sm">
        <div className="grid gap-2">
          <h3 className="text-xs font-medium text-muted-foreground">Known from</h3>
          <ul aria-label="Known from" className="flex flex-wrap gap-1.5">
            {agent.origins.map(originLabel).map((origin) => (
              <li key={origin.key}>
                <Tooltip>
                  <TooltipTrigger asChild>
                    <button type="button" className="cursor-default rounded-full outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
                      <Badge variant="secondary">{origin.label}</Badge>
                    </button>
                  </TooltipTrigger>
                  <TooltipContent>{origin.description}</TooltipContent>
                </Tooltip>
              </li>
            ))}
          </ul>
        </div>
        <div className="grid gap-2">
          <h3 className="text-xs font-medium text-muted-foreground">File</h3>
          {agent.definition ? (
            <div className="grid gap-1.5">
              <FilePath path={agent.definition.path} />
              <ScopeBadge definition={agent.definition} projects={projects} />
            </div>
          ) : (
            <p className="text-muted-foreground">No agent file defines it.</p>
          )}
        </div>
        {agent.shadowed.length > 0 && (
          <div className="grid gap-2">
            <h3 className="text-xs font-medium text-muted-foreground">Also defined in (not used)</h3>
            <ul className="grid gap-3">
              {agent.shadowed.map((definition) => (
                <li key={definition.path} className="grid gap-1.5 text-muted-foreground">
                  <FilePath path={definition.path} />
                  <ScopeBadge definition={definition} projects={projects} />
                </li>
              ))}
            </ul>
            <p className="text-xs text-muted-foreground">A project’s file wins over the user’s, which wins over an extra directory’s.</p>
          </div>
        )}
      </CardContent>
    </Card>
  )
}
