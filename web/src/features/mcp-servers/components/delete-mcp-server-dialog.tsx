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

import { useDeleteMcpServer } from '../api/save-mcp-server'
import type { McpServer } from '../api/types'

export function DeleteMcpServerDialog({
  server,
  open,
  onOpenChange,
  onDeleted,
}: {
  server: McpServer
  open: boolean
  onOpenChange: (open: boolean) => void
  onDeleted: () => void
}) {
  const remove = useDeleteMcpServer()
  const pending = remove.isPending
  const confirm = () =>
    remove.mutate(
      { name: server.name, project_id: server.project_id ?? null },
      {
        onSuccess: () => {
          toast.success(`MCP server “${server.name}” deleted`)
          onDeleted()
        },
        onError: (error) => {
          onOpenChange(false)
          toast.error('Could not delete the server', { description: error.message })
        },
      },
    )
  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{server.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            Baton stops checking it{server.managed ? ' and stops its process' : ''}. Agents that list it lose it. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" onClick={confirm} disabled={pending}>
            {pending && <Loader2Icon className="animate-spin" />}
            {pending ? 'Deleting…' : 'Delete server'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
