import { Loader2Icon } from 'lucide-react'
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

import { useDeleteProject } from '../api/delete-project'
import type { Project } from '../api/types'

export function DeleteProjectDialog({
  project,
  open,
  onOpenChange,
  onDeleted,
}: {
  project: Project
  open: boolean
  onOpenChange: (open: boolean) => void
  onDeleted?: () => void
}) {
  const deleteProject = useDeleteProject()
  const pending = deleteProject.isPending

  // Awaited rather than per-call callbacks: the live `project:deleted` event can unmount this
  // row before the response arrives, and the toast must still show.
  const confirm = async () => {
    try {
      await deleteProject.mutateAsync(project.id)
      toast.success(`Project “${project.name}” deleted`)
      onOpenChange(false)
      onDeleted?.()
    } catch (error) {
      // A 409 (a running execution) or 404 will not change by confirming again.
      onOpenChange(false)
      toast.error('Could not delete the project', { description: error instanceof Error ? error.message : String(error) })
    }
  }

  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{project.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            The project and its settings are removed from Baton. Files in its workspace directory are left as they
            are. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          {/* Not AlertDialogAction: that closes at once, and we want to stay open while the request runs. */}
          <Button variant="destructive" onClick={confirm} disabled={pending}>
            {pending && <Loader2Icon className="animate-spin" />}
            {pending ? 'Deleting…' : 'Delete project'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
