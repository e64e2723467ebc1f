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

import { useRevokeToken } from '../api/revoke-token'
import type { ApiToken } from '../api/types'

export function RevokeTokenDialog({ token, open, onOpenChange }: { token: ApiToken; open: boolean; onOpenChange: (open: boolean) => void }) {
  const revoke = useRevokeToken()
  const pending = revoke.isPending
  const confirm = () =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        toast.success(`Token “${token.name}” revoked`)
        onOpenChange(false)
      },
      onError: (error) => {
        onOpenChange(false)
        toast.error('Could not revoke the token', { description: error.message })
      },
    })
  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke “{token.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            It stops working at once: anything still using it gets “unauthenticated”. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" onClick={confirm} disabled={pending}>
            {pending && <Loader2Icon className="animate-spin" />}
            {pending ? 'Revoking…' : 'Revoke token'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
