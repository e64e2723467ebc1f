import { lazy, Suspense, useState } from 'react'
import { toast } from 'sonner'

import { ErrorState } from '@/components/error-state'
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { useCan } from '@/hooks/use-can'
import { ApiError } from '@/lib/api-client'

import { useAgentConfig } from '../api/get-agent-config'
import { useAgentConfigSchema } from '../api/get-agent-config-schema'
import { useUpdateAgentConfig } from '../api/update-agent-config'
import type { AgentConfig, AgentConfigView, ProjectOption } from '../api/types'

// CodeMirror stays out of the page's chunk until the editor is on screen.
const ConfigEditor = lazy(() => import('@/components/config-editor').then((module) => ({ default: module.ConfigEditor })))

const DEFAULT_SCOPE = 'default'

/** What the shown configuration is, and what saving it does. */
function sourceNote(view: AgentConfigView, projectName: string | null): string {
  if (!projectName) {
    return view.source === 'builtin'
      ? 'Nothing saved yet: tasks run with the built-in claude runner. Saving creates this agent’s default.'
      : 'This agent’s default, used in every project without an override.'
  }
  if (view.source === 'project') return `${projectName}’s override of the agent’s default.`
  if (view.source === 'default') return `${projectName} has no override and uses the agent’s default, shown here. Saving creates an override.`
  return `Neither ${projectName} nor the agent has a configuration: built-in settings apply. Saving creates an override for ${projectName}.`
}

function EditorSkeleton() {
  return <Skeleton className="h-72 rounded-lg" aria-busy="true" aria-label="Loading the editor" />
}

function ScopedEditor({ name, projectId, projectName, initial }: { name: string; projectId: string | null; projectName: string | null; initial: AgentConfigView }) {
  const config = useAgentConfig(name, projectId, initial)
  const schema = useAgentConfigSchema()
  const update = useUpdateAgentConfig()
  const canConfigure = useCan('agents:configure')

  if (config.isPending) return <EditorSkeleton />
  if (config.isError) {
    return <ErrorState title="Could not load the configuration" error={config.error} onRetry={() => void config.refetch()} retrying={config.isFetching} />
  }

  const save = async (value: unknown) => {
    try {
      await update.mutateAsync({ name, projectId, config: value as AgentConfig })
      toast.success(projectName ? `Saved ${name}’s configuration for ${projectName}` : `Saved ${name}’s configuration`)
    } catch (error) {
      // A 422 is shown in the editor, next to the fields it is about; anything else gets a toast too.
      if (!(error instanceof ApiError && error.status === 422)) {
        toast.error('Could not save the configuration', { description: error instanceof Error ? error.message : undefined })
      }
      throw error
    }
  }

  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">{sourceNote(config.data, projectName)}</p>
      <Suspense fallback={<EditorSkeleton />}>
        <ConfigEditor
          value={config.data.config}
          schema={schema.data ?? null}
          onSave={save}
          format="yaml"
          readOnly={!canConfigure}
          label={projectName ? `Configuration of ${name} in ${projectName}` : `Configuration of ${name}`}
        />
      </Suspense>
      {!canConfigure && <p className="text-xs text-muted-foreground">Only operators and admins can change it.</p>}
    </div>
  )
}

/**
 * How Baton runs the agent (runner, command, model, timeout, budget, environment, prompt, tools):
 * its default, or one project's override.
 */
export function AgentConfigSection({ name, initial, projects }: { name: string; initial: AgentConfigView; projects: ProjectOption[] }) {
  const [scope, setScope] = useState(DEFAULT_SCOPE)
  const projectId = scope === DEFAULT_SCOPE ? null : scope
  const projectName = projectId ? (projects.find((p) => p.id === projectId)?.name ?? projectId) : null
  return (
    <Card role="region" aria-labelledby="agent-config-heading">
      <CardHeader className="flex-col gap-3 pb-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-1">
          <CardTitle id="agent-config-heading">Configuration</CardTitle>
          <CardDescription>How Baton runs this agent’s tasks: runner, model, timeout, budget and environment.</CardDescription>
        </div>
        <Select value={scope} onValueChange={setScope}>
          <SelectTrigger aria-label="Configuration scope" className="w-full sm:w-56">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={DEFAULT_SCOPE}>Default (every project)</SelectItem>
            {projects.map((project) => (
              <SelectItem key={project.id} value={project.id}>
                <span className="truncate">{project.name}</span>
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </CardHeader>
      <div className="border-t px-5 py-4">
        {/* Keyed by scope: another scope is another document, with its own draft. */}
        <ScopedEditor key={scope} name={name} projectId={projectId} projectName={projectName} initial={initial} />
      </div>
    </Card>
  )
}
