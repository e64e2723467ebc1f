import { AlertTriangleIcon, CheckIcon, CopyIcon, Loader2Icon } from 'lucide-react'
import { useId, useState, type FormEvent } from 'react'
import { toast } from 'sonner'

import { FormField } from '@/components/form-field'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { fieldErrorsOf } from '@/lib/api-client'
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type TokenRole } from '@/lib/permissions'
import { cn } from '@/lib/utils'

import { useCreateToken } from '../api/create-token'
import type { CreatedToken } from '../api/types'

const TOKEN_ROLES: readonly TokenRole[] = ['ingest', 'viewer', 'operator', 'admin']

/**
 * Two views in one dialog: the form, then the new token, shown once. Closing the dialog forgets
 * the secret (the component unmounts); Baton itself keeps only its hash.
 */
export function CreateTokenDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const change = (next: boolean) => {
    if (!next) setCreated(null)
    onOpenChange(next)
  }
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent
        className="sm:max-w-lg"
        // The secret must not vanish by a stray click outside; Done or Escape closes it.
        onInteractOutside={(event) => created && event.preventDefault()}
      >
        {created ? (
          <TokenCreated token={created} onDone={() => change(false)} />
        ) : (
          <CreateTokenForm onCreated={setCreated} onCancel={() => change(false)} />
        )}
      </DialogContent>
    </Dialog>
  )
}

function CreateTokenForm({ onCreated, onCancel }: { onCreated: (token: CreatedToken) => void; onCancel: () => void }) {
  const [name, setName] = useState('')
  const [role, setRole] = useState<TokenRole>('ingest')
  const [error, setError] = useState<string>()
  const createToken = useCreateToken()
  const pending = createToken.isPending
  const legendId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setError('Name is required.')
      return
    }
    createToken.mutate(
      { name: name.trim(), role },
      {
        onSuccess: (token) => {
          toast.success(`Token “${token.name}” created`)
          onCreated(token)
        },
        onError: (failure) => {
          const field = fieldErrorsOf(failure).name
          if (field) setError(field)
          toast.error('Could not create the token', { description: failure.message })
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Create API token</DialogTitle>
        <DialogDescription>For scripts and agent hooks that call Baton without signing in.</DialogDescription>
      </DialogHeader>
      <FormField label="Name" error={error} hint="What it is for, e.g. “claude hooks on laptop”.">
        {(props) => (
          <Input
            {...props}
            autoFocus
            autoComplete="off"
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              setError(undefined)
            }}
          />
        )}
      </FormField>
      <fieldset className="grid gap-2" aria-labelledby={legendId}>
        <legend id={legendId} className="mb-2 text-sm leading-none font-medium">
          Role
        </legend>
        {TOKEN_ROLES.map((option) => (
          <label
            key={option}
            className={cn(
              'flex cursor-pointer gap-3 rounded-lg border px-3 py-2.5 transition-colors hover:bg-muted/50 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50',
              role === option && 'border-foreground/40 bg-muted/60',
            )}
          >
            <input
              type="radio"
              name="role"
              value={option}
              checked={role === option}
              onChange={() => setRole(option)}
              className="mt-0.5 size-4 shrink-0 accent-foreground"
            />
            <span className="grid gap-0.5">
              <span className="text-sm font-medium">
                {ROLE_LABELS[option]}
                {option === 'ingest' && <span className="ml-2 text-xs font-normal text-muted-foreground">recommended for hooks</span>}
              </span>
              <span className="text-xs text-muted-foreground">{ROLE_DESCRIPTIONS[option]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <DialogFooter>
        <Button variant="outline" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Loader2Icon className="animate-spin" />}
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </DialogFooter>
    </form>
  )
}

function TokenCreated({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false)

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token)
      setCopied(true)
      window.setTimeout(() => setCopied(false), 2000)
    } catch {
      toast.error('Could not copy the token', { description: 'Select it and copy it yourself.' })
    }
  }

  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Token “{token.name}” created</DialogTitle>
        <DialogDescription>
          Use it as <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>.
        </DialogDescription>
      </DialogHeader>
      <div
        role="alert"
        className="flex gap-2.5 rounded-md border border-warning/30 bg-warning-soft px-3 py-2.5 text-sm text-warning"
      >
        <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
        <p>Copy it now: it will not be shown again. Baton keeps only a hash of it.</p>
      </div>
      <FormField label="Token">
        {(props) => (
          <div className="flex items-start gap-2">
            <Textarea
              {...props}
              readOnly
              rows={2}
              value={token.token}
              onFocus={(e) => e.currentTarget.select()}
              className="min-h-0 resize-none font-mono text-xs break-all"
            />
            <Button variant="outline" onClick={() => void copy()} className="w-24 shrink-0">
              {copied ? <CheckIcon /> : <CopyIcon />}
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
        )}
      </FormField>
      <DialogFooter>
        <Button onClick={onDone}>Done</Button>
      </DialogFooter>
    </div>
  )
}
