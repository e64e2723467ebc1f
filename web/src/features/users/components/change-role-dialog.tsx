import { Loader2Icon } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { toast } from 'sonner'

import { FormField } from '@/components/form-field'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '@/lib/permissions'

import type { User } from '../api/types'
import { useUpdateUser } from '../api/update-user'
import { RoleSelect } from './role-select'

export function ChangeRoleDialog({ user, open, onOpenChange }: { user: User; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <ChangeRoleForm user={user} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  )
}

function ChangeRoleForm({ user, onDone }: { user: User; onDone: () => void }) {
  const [role, setRole] = useState<Role>(user.role)
  const updateUser = useUpdateUser()
  const pending = updateUser.isPending

  const submit = (event: FormEvent) => {
    event.preventDefault()
    updateUser.mutate(
      { id: user.id, body: { role } },
      {
        onSuccess: (updated) => {
          toast.success(`${updated.username} is now ${ROLE_LABELS[updated.role].toLowerCase()}`)
          onDone()
        },
        onError: (error) => {
          onDone()
          toast.error('Could not change the role', { description: error.message })
        },
      },
    )
  }

  return (
    <form onSubmit={submit} className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Change role</DialogTitle>
        <DialogDescription>
          {user.username} is signed out everywhere and gets the new role when they sign in again.
        </DialogDescription>
      </DialogHeader>
      <FormField label="Role" hint={ROLE_DESCRIPTIONS[role]}>
        {(props) => <RoleSelect {...props} value={role} onChange={setRole} />}
      </FormField>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || role === user.role}>
          {pending && <Loader2Icon className="animate-spin" />}
          {pending ? 'Saving…' : 'Change role'}
        </Button>
      </DialogFooter>
    </form>
  )
}
