import { ChevronDownIcon, CircleStopIcon, Loader2Icon, RotateCcwIcon, SquareIcon } from 'lucide-react'
import { useId, useState } from 'react'
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
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { executionOrigin, isRunByBaton, type ExecutionOrigin } from '@/lib/execution-source'

import { useCancelExecution } from '../api/cancel-execution'
import { useRerunExecution } from '../api/rerun-execution'
import type { ExecutionDetail } from '../api/types'
import { isActive } from '../lib/status'

/**
 * Cancel (while it runs, after confirming) and Re-run (once it ended): for operators, and only for
 * what Baton started. A Claude Code session or an orchestrator.sh run is only reported to Baton:
 * the button shows, disabled, with the reason.
 */
export function ExecutionActions({ execution }: { execution: ExecutionDetail }) {
  const active = isActive(execution.status)
  if (!isRunByBaton(execution)) return <NotBatonsAction execution={execution} active={active} />
  return active ? <CancelExecutionButton execution={execution} /> : <RerunMenu execution={execution} />
}

/** What a reported execution is and where it runs, so the reason says where to stop it instead. */
function notBatonsReason(key: ExecutionOrigin['key'], active: boolean): string {
  const [what, stopWhere] =
    key === 'hooks'
      ? ['this Claude Code session', 'Stop it in Claude Code.']
      : key === 'notify' || key === 'workspace'
        ? ['this orchestrator.sh run', 'Stop it where orchestrator.sh runs.']
        : ['this execution', '']
  return active
    ? `Baton did not start ${what}, so it cannot cancel it. ${stopWhere}`.trim()
    : `Baton did not start ${what}, so it cannot run it again.`
}

/**
 * `aria-disabled` rather than `disabled` (and no click handler): the button stays focusable and
 * hoverable, so keyboard and pointer users alike can read why it does nothing.
 */
function NotBatonsAction({ execution, active }: { execution: ExecutionDetail; active: boolean }) {
  const reasonId = useId()
  const reason = notBatonsReason(executionOrigin(execution).key, active)
  return (
    <>
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            variant="outline"
            aria-disabled="true"
            aria-describedby={reasonId}
            className="cursor-not-allowed opacity-50 hover:bg-background dark:hover:bg-input/20"
          >
            {active ? <SquareIcon /> : <RotateCcwIcon />}
            {active ? 'Cancel' : 'Re-run'}
          </Button>
        </TooltipTrigger>
        <TooltipContent className="max-w-64">{reason}</TooltipContent>
      </Tooltip>
      <span id={reasonId} hidden>
        {reason}
      </span>
    </>
  )
}

/**
 * Cancel, after confirming. `compact` is the icon-only button of a row (its name says which
 * execution it cancels).
 */
export function CancelExecutionButton({
  execution,
  compact = false,
}: {
  execution: Pick<ExecutionDetail, 'id' | 'name'>
  compact?: boolean
}) {
  const [open, setOpen] = useState(false)
  const cancel = useCancelExecution()
  const pending = cancel.isPending

  // On the promise, not the observer: once the execution ends this button gives way to Re-run.
  const confirm = () =>
    cancel
      .mutateAsync(execution.id)
      .then(() => toast.success('Cancelling the execution', { description: 'Its running tasks are being stopped.' }))
      .catch((error: Error) => toast.error('Could not cancel the execution', { description: error.message }))
      .finally(() => setOpen(false))

  return (
    <>
      {compact ? (
        <Tooltip>
          <TooltipTrigger asChild>
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Cancel ${execution.name}`}
              onClick={() => setOpen(true)}
              className="size-8 text-muted-foreground hover:text-destructive"
            >
              <CircleStopIcon />
            </Button>
          </TooltipTrigger>
          <TooltipContent>Cancel</TooltipContent>
        </Tooltip>
      ) : (
        <Button variant="outline" onClick={() => setOpen(true)} className="text-destructive hover:text-destructive">
          <SquareIcon />
          Cancel
        </Button>
      )}
      <AlertDialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Cancel “{execution.name}”?</AlertDialogTitle>
            <AlertDialogDescription>
              Running tasks are stopped and tasks that have not started will not run. What the agents already changed in
              the workspace stays.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Keep running</AlertDialogCancel>
            <Button variant="destructive" onClick={confirm} disabled={pending}>
              {pending && <Loader2Icon className="animate-spin" />}
              {pending ? 'Cancelling…' : 'Cancel execution'}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  )
}

function RerunMenu({ execution }: { execution: ExecutionDetail }) {
  const rerun = useRerunExecution()
  const navigate = useNavigate()
  const anyUnfinished = execution.totals.completed < execution.totals.tasks

  const run = (failedOnly: boolean) =>
    rerun.mutate(
      { id: execution.id, failedOnly },
      {
        onSuccess: (created) => {
          toast.success(failedOnly ? 'Re-running the tasks that did not complete' : 'Re-running every task')
          void navigate(`/executions/${created.id}`)
        },
        onError: (error) => toast.error('Could not re-run the execution', { description: error.message }),
      },
    )

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" disabled={rerun.isPending}>
          {rerun.isPending ? <Loader2Icon className="animate-spin" /> : <RotateCcwIcon />}
          Re-run
          <ChevronDownIcon className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => run(false)}>All tasks</DropdownMenuItem>
        <DropdownMenuItem onSelect={() => run(true)} disabled={!anyUnfinished}>
          Only failed tasks
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
