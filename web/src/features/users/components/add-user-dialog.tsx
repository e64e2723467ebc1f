import { Loader2Icon } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { toast } from 'sonner'

import { FormField } from '@/components/form-field'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'
import { ApiError, fieldErrorsOf } from '@/lib/api-client'
import { ROLE_DESCRIPTIONS, type Role } from '@/lib/permissions'

import { useCreateUser } from '../api/create-user'
import { MIN_PASSWORD_LENGTH, sentence, validatePassword, validateUsername } from '../lib/user-form'
import { RoleSelect } from './role-select'

type Errors = { username?: string; password?: string }

export function AddUserDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        {/* Mounted only while open: every opening starts empty. */}
        <AddUserForm onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  )
}

function AddUserForm({ onDone }: { onDone: () => void }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<Role>('viewer')
  const [errors, setErrors] = useState<Errors>({})
  const createUser = useCreateUser()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Errors = { username: validateUsername(username), password: validatePassword(password) }
    if (found.username || found.password) {
      setErrors(found)
      return
    }
    createUser.mutate(
      { username: username.trim(), password, role },
      {
        onSuccess: (user) => {
          toast.success(`User “${user.username}” added`)
          onDone()
        },
        onError: (error) => {
          const fields = fieldErrorsOf(error)
          const conflict = error instanceof ApiError && error.status === 409
          setErrors({
            username: conflict ? sentence(error.message) : fields.username && sentence(fields.username),
            password: fields.password && sentence(fields.password),
          })
          toast.error('Could not add the user', { description: error.message })
        },
      },
    )
  }

  const pending = createUser.isPending
  return (
    <form onSubmit={submit} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Add user</DialogTitle>
        <DialogDescription>They sign in with this username and password. Share the password with them safely.</DialogDescription>
      </DialogHeader>
      <FormField label="Username" error={errors.username} hint="Letters, digits, “.”, “_”, “-” or “@”.">
        {(props) => (
          <Input
            {...props}
            autoFocus
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => {
              setUsername(e.target.value)
              setErrors((current) => ({ ...current, username: undefined }))
            }}
          />
        )}
      </FormField>
      <FormField label="Password" error={errors.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        {(props) => (
          <Input
            {...props}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value)
              setErrors((current) => ({ ...current, password: undefined }))
            }}
          />
        )}
      </FormField>
      <FormField label="Role" hint={ROLE_DESCRIPTIONS[role]}>
        {(props) => <RoleSelect {...props} value={role} onChange={setRole} />}
      </FormField>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Loader2Icon className="animate-spin" />}
          {pending ? 'Adding…' : 'Add user'}
        </Button>
      </DialogFooter>
    </form>
  )
}
