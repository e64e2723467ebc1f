import { useQuery } from '@tanstack/react-query'
import { FileQuestionIcon } from 'lucide-react'
import { useMemo } from 'react'
import { Link, useParams } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { useAgents } from '@/features/agents/api/get-agents'
import { useStartProject } from '@/features/executions/api/start-project'
import { PlanEditor } from '@/features/flow/editor/components/plan-editor'
import { UNTITLED_PLAN } from '@/features/flow/editor/lib/plan-draft'
import { usePlan } from '@/features/plans/api/get-plan'
import { usePlanSchema } from '@/features/plans/api/get-plan-schema'
import { getPlansQueryOptions } from '@/features/plans/api/get-plans'
import { useSavePlan } from '@/features/plans/api/save-plan'
import type { PlanInput } from '@/features/plans/api/types'
import { getProjectQueryOptions } from '@/features/projects/api/get-project'
import { useCan } from '@/hooks/use-can'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { ApiError } from '@/lib/api-client'

const NEW_PLAN = { name: UNTITLED_PLAN, tasks: [] }

/**
 * The plan editor, for a new plan of a project (/projects/:id/plans/new) or a saved one
 * (/plans/:planId). Loads what the editor needs and gives it the save and start calls.
 */
export default function PlanEditorRoute() {
  const { id: newFor, planId } = useParams()
  const plan = usePlan(planId)
  const projectId = newFor ?? plan.data?.project_id ?? ''
  // A saved plan names its project only once it has loaded.
  const known = projectId !== ''
  const project = useQuery({ ...getProjectQueryOptions(projectId), enabled: known })
  const plans = useQuery({ ...getPlansQueryOptions(projectId), enabled: known })
  const agents = useAgents({ project_id: known ? projectId : undefined })
  const schema = usePlanSchema()
  const save = useSavePlan()
  const start = useStartProject()
  const canEdit = useCan('projects:write')
  const canRun = useCan('executions:control')
  useDocumentTitle(planId ? (plan.data?.name ?? 'Plan') : 'New plan')

  const catalog = useMemo(
    () => ({
      agents: agents.data?.items,
      loading: agents.isPending,
      error: agents.error,
      retry: () => void agents.refetch(),
    }),
    [agents],
  )

  if (planId && plan.isError) return <PlanNotFound error={plan.error} retry={() => void plan.refetch()} />
  if (project.isError) return <PlanNotFound error={project.error} retry={() => void project.refetch()} />
  if ((planId && plan.isPending) || project.isPending || !project.data) return <EditorSkeleton />

  return (
    <PlanEditor
      // Another plan (or a new plan saved and now at its own address) is another document.
      key={planId ?? `new:${projectId}`}
      project={{ id: project.data.id, name: project.data.name }}
      plan={plan.data ? { id: plan.data.id, value: plan.data.plan, isDefault: plans.data?.default_plan_id === plan.data.id } : null}
      template={NEW_PLAN}
      catalog={catalog}
      schema={schema.data ?? null}
      canEdit={canEdit}
      canRun={canRun}
      onSave={(input, { makeDefault }) => save.mutateAsync({ projectId, planId, input: input as PlanInput, makeDefault })}
      onRun={(id) => start.mutateAsync({ projectId, planId: id })}
    />
  )
}

function PlanNotFound({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <Card>
      {error instanceof ApiError && error.status === 404 ? (
        <EmptyState
          icon={<FileQuestionIcon />}
          title="Plan not found"
          description="There is no plan or project with this id. It may have been deleted."
          action={
            <Button asChild variant="outline">
              <Link to="/projects">Back to projects</Link>
            </Button>
          }
        />
      ) : (
        <ErrorState title="Could not load the plan" error={error} onRetry={retry} />
      )}
    </Card>
  )
}

function EditorSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-label="Loading the plan editor">
      <Skeleton className="h-5 w-32" />
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-[60dvh] rounded-xl" />
    </div>
  )
}
