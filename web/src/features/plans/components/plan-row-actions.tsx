import { Loader2Icon, PencilIcon, PlayIcon } from 'lucide-react'
import { Link, useNavigate } from 'react-router'
import { toast } from 'sonner'

import { Button } from '@/components/ui/button'
import { useCan } from '@/hooks/use-can'

import { useRunPlan } from '../api/run-plan'

/** Edit (or View, for viewers) and Run, at the end of a plan's row. */
export function PlanRowActions({ projectId, planId, planName }: { projectId: string; planId: string; planName: string }) {
  const canEdit = useCan('projects:write')
  const canRun = useCan('executions:control')
  const run = useRunPlan()
  const navigate = useNavigate()
  const start = () =>
    run.mutate(
      { projectId, planId },
      {
        onSuccess: (execution) => {
          toast.success(`Started “${execution.name}”`)
          void navigate(`/executions/${execution.id}?tab=graph`)
        },
        onError: (error) => toast.error(`Could not run “${planName}”`, { description: error.message }),
      },
    )
  return (
    <div className="flex justify-end gap-1">
      <Button variant="ghost" size="sm" asChild aria-label={`${canEdit ? 'Edit' : 'View'} ${planName}`}>
        <Link to={`/plans/${planId}`}>
          <PencilIcon />
          {canEdit ? 'Edit' : 'View'}
        </Link>
      </Button>
      {canRun && (
        <Button variant="ghost" size="sm" onClick={start} disabled={run.isPending} aria-label={`Run ${planName}`}>
          {run.isPending ? <Loader2Icon className="animate-spin" /> : <PlayIcon />}
          Run
        </Button>
      )}
    </div>
  )
}
