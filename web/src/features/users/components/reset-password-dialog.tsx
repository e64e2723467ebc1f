import { Loader2Icon } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { toast } from 'sonner'

import { FormField } from '@/components/form-field'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'
import { fieldErrorsOf } from '@/lib/api-client'

import type { User } from '../api/types'
import { useUpdateUser } from '../api/update-user'
import { MIN_PASSWORD_LENGTH, sentence, validatePassword } from '../lib/user-form'

export function ResetPasswordDialog({ user, open, onOpenChange }: { user: User; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <ResetPasswordForm user={user} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  )
}

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string>()
  const updateUser = useUpdateUser()
  const pending = updateUser.isPending

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const invalid = validatePassword(password)
    if (invalid) {
      setError(invalid)
      return
    }
    updateUser.mutate(
      { id: user.id, body: { password } },
      {
        onSuccess: () => {
          toast.success(`Password of ${user.username} reset`)
          onDone()
        },
        onError: (failure) => {
          const field = fieldErrorsOf(failure).password
          if (field) setError(sentence(field))
          toast.error('Could not reset the password', { description: failure.message })
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Reset password</DialogTitle>
        <DialogDescription>
          Sets a new password for {user.username} and signs them out everywhere. Share it with them safely.
        </DialogDescription>
      </DialogHeader>
      <FormField label="New password" error={error} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        {(props) => (
          <Input
            {...props}
            type="password"
            autoFocus
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value)
              setError(undefined)
            }}
          />
        )}
      </FormField>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Loader2Icon className="animate-spin" />}
          {pending ? 'Saving…' : 'Reset password'}
        </Button>
      </DialogFooter>
    </form>
  )
}
