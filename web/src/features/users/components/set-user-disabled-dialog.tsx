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

import type { User } from '../api/types'
import { useUpdateUser } from '../api/update-user'

/** Disable (or enable again) after confirming; the server refuses to disable the last active admin (409). */
export function SetUserDisabledDialog({ user, open, onOpenChange }: { user: User; open: boolean; onOpenChange: (open: boolean) => void }) {
  const updateUser = useUpdateUser()
  const pending = updateUser.isPending
  const disabling = !user.disabled

  const confirm = () => {
    updateUser.mutate(
      { id: user.id, body: { disabled: disabling } },
      {
        onSuccess: (updated) => {
          toast.success(updated.disabled ? `${updated.username} disabled` : `${updated.username} enabled`)
          onOpenChange(false)
        },
        onError: (error) => {
          onOpenChange(false)
          toast.error(disabling ? 'Could not disable the user' : 'Could not enable the user', { description: error.message })
        },
      },
    )
  }

  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{disabling ? `Disable ${user.username}?` : `Enable ${user.username}?`}</AlertDialogTitle>
          <AlertDialogDescription>
            {disabling
              ? 'They are signed out at once and cannot sign in until an admin enables them again. Their history stays.'
              : 'They can sign in again with their current password.'}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button variant={disabling ? 'destructive' : 'default'} onClick={confirm} disabled={pending}>
            {pending && <Loader2Icon className="animate-spin" />}
            {disabling ? (pending ? 'Disabling…' : 'Disable user') : pending ? 'Enabling…' : 'Enable user'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
