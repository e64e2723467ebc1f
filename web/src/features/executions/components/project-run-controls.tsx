import { Loader2Icon, PlayIcon, SquareIcon } from 'lucide-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'

import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'
import { Button } from '@/components/ui/button'
import { DropdownMenuItem } from '@/components/ui/dropdown-menu'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { useCan } from '@/hooks/use-can'
import { ApiError } from '@/lib/api-client'

import { useRecentExecutions } from '../api/get-executions'
import { useStartProject } from '../api/start-project'
import { useStopProject } from '../api/stop-project'
import { isActive } from '../lib/status'

export const NO_DEFAULT_PLAN = 'This project has no default plan yet.'

function startErrorMessage(error: Error): string {
  // 422 on plan_id: nothing to run.
  return error instanceof ApiError && error.fields.plan_id ? NO_DEFAULT_PLAN : error.message
}

/** Start (the default plan) and Stop (everything running) on a project's page, for operators. */
export function ProjectRunControls({ projectId, noDefaultPlan = false }: { projectId: string; noDefaultPlan?: boolean }) {
  const canControl = useCan('executions:control')
  const start = useStartProject()
  const navigate = useNavigate()
  const recent = useRecentExecutions(projectId)
  const running = recent.data?.items.some((e) => isActive(e.status)) ?? false
  if (!canControl) return null

  const onStart = () =>
    start.mutate(
      { projectId },
      {
        onSuccess: (execution) => {
          toast.success(`Started “${execution.name}”`)
          void navigate(`/executions/${execution.id}`)
        },
        onError: (error) => toast.error('Could not start the project', { description: startErrorMessage(error) }),
      },
    )

  const startButton = (
    <Button onClick={onStart} disabled={start.isPending || noDefaultPlan}>
      {start.isPending ? <Loader2Icon className="animate-spin" /> : <PlayIcon />}
      {start.isPending ? 'Starting…' : 'Start'}
    </Button>
  )
  return (
    <>
      {noDefaultPlan ? (
        <Tooltip>
          <TooltipTrigger asChild>
            {/* A disabled button gets no pointer events: the wrapper shows the reason. */}
            <span tabIndex={0} aria-label={`Start: ${NO_DEFAULT_PLAN}`}>
              {startButton}
            </span>
          </TooltipTrigger>
          <TooltipContent>{NO_DEFAULT_PLAN}</TooltipContent>
        </Tooltip>
      ) : (
        startButton
      )}
      {running && <StopButton projectId={projectId} />}
    </>
  )
}

function StopButton({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false)
  const stop = useStopProject()
  const pending = stop.isPending
  // On the promise, not the observer: once nothing runs this button unmounts, before the answer is handled.
  const confirm = () =>
    stop
      .mutateAsync(projectId)
      .then(({ cancelled }) =>
        toast.success(
          cancelled.length === 0
            ? 'Nothing was running'
            : `Stopping ${cancelled.length} ${cancelled.length === 1 ? 'execution' : 'executions'}`,
        ),
      )
      .catch((error: Error) => toast.error('Could not stop the project', { description: error.message }))
      .finally(() => setOpen(false))
  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)} className="text-destructive hover:text-destructive">
        <SquareIcon />
        Stop
      </Button>
      <AlertDialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Stop every execution of this project?</AlertDialogTitle>
            <AlertDialogDescription>
              Queued and running executions are cancelled and their agents stopped. What they already changed in the
              workspace stays.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Keep running</AlertDialogCancel>
            <Button variant="destructive" onClick={confirm} disabled={pending}>
              {pending && <Loader2Icon className="animate-spin" />}
              {pending ? 'Stopping…' : 'Stop executions'}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  )
}

/**
 * "Start" in a project's row menu. The menu closes (and this item unmounts) at once, so the
 * follow-up runs on the promise rather than on the mutation observer.
 */
export function StartProjectMenuItem({ projectId }: { projectId: string }) {
  const navigate = useNavigate()
  const start = useStartProject()
  const onSelect = () => {
    const pending = toast.loading('Starting…')
    start
      .mutateAsync({ projectId })
      .then((execution) => {
        toast.success(`Started “${execution.name}”`, { id: pending })
        void navigate(`/executions/${execution.id}`)
      })
      .catch((error: Error) =>
        toast.error('Could not start the project', { id: pending, description: startErrorMessage(error) }),
      )
  }
  return (
    <DropdownMenuItem onSelect={onSelect}>
      <PlayIcon />
      Start
    </DropdownMenuItem>
  )
}

