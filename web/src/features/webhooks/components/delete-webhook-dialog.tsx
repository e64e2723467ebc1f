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

import { useDeleteWebhook } from '../api/save-webhook'
import type { Webhook } from '../api/types'

export function DeleteWebhookDialog({
  webhook,
  open,
  onOpenChange,
  onDeleted,
}: {
  webhook: Webhook
  open: boolean
  onOpenChange: (open: boolean) => void
  onDeleted: () => void
}) {
  const remove = useDeleteWebhook()
  const pending = remove.isPending
  const confirm = () =>
    remove.mutate(webhook.id, {
      onSuccess: () => {
        toast.success(`Webhook “${webhook.name}” deleted`)
        onDeleted()
      },
      onError: (error) => {
        onOpenChange(false)
        toast.error('Could not delete the webhook', { description: error.message })
      },
    })
  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{webhook.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            Baton stops sending to <span className="font-mono break-all">{webhook.url}</span>, drops deliveries still waiting, and forgets its
            delivery log. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" onClick={confirm} disabled={pending}>
            {pending && <Loader2Icon className="animate-spin" />}
            {pending ? 'Deleting…' : 'Delete webhook'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
