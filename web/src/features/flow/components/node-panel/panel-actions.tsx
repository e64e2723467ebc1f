import { Loader2Icon, RotateCcwIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'

import { Button } from '@/components/ui/button'

import { useRerunFromTask } from '../../api/rerun-from-task'

/**
 * What an operator can do from a task of a Baton run: cancel the execution while it runs (the
 * host's confirm-and-cancel button), or once it ended run this task again with everything that
 * depends on it, and follow the new run's graph.
 */
export function PanelActions({
  executionId,
  taskId,
  active,
  canRerun,
  cancelAction,
  graphPath,
}: {
  executionId: string
  taskId: string | null
  active: boolean
  canRerun: boolean
  cancelAction?: ReactNode
  graphPath: (executionId: string) => string
}) {
  const rerun = useRerunFromTask()
  const navigate = useNavigate()
  if (active) {
    return cancelAction ? (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 [&_button]:h-8">
        {cancelAction}
        <span className="text-xs text-muted-foreground">Stops the whole execution, not only this task.</span>
      </div>
    ) : null
  }
  if (!canRerun || !taskId) return null

  const run = () =>
    rerun.mutate(
      { id: executionId, taskId },
      {
        onSuccess: (created) => {
          toast.success(`Re-running from ${taskId}`, { description: 'This task and everything that depends on it run again.' })
          void navigate(graphPath(created.id))
        },
        onError: (error) => toast.error('Could not re-run from this task', { description: error.message }),
      },
    )

  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="outline" size="sm" onClick={run} disabled={rerun.isPending}>
        {rerun.isPending ? <Loader2Icon className="animate-spin" /> : <RotateCcwIcon />}
        Re-run from this task
      </Button>
    </div>
  )
}
