import { Loader2Icon } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { toast } from 'sonner'

import { FormField } from '@/components/form-field'
import { SecretMapEditor } from '@/components/secret-map-editor'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { Switch } from '@/components/ui/switch'
import { fieldErrorsOf } from '@/lib/api-client'

import { useProjectOptions } from '../api/get-projects'
import { useCreateWebhook, useUpdateWebhook } from '../api/save-webhook'
import type { CreatedWebhook, Webhook } from '../api/types'
import { bodyFromWebhookForm, emptyWebhookForm, formFromWebhook, type WebhookForm, type WebhookFormErrors } from '../lib/webhook-form'
import { EventsPicker } from './events-picker'
import { SecretReveal } from './secret-reveal'

const GLOBAL = '__global'

/**
 * Create a webhook (then show its signing secret, once) or edit one (`webhook`). Closing the
 * dialog forgets the secret: the component unmounts.
 */
export function WebhookFormDialog({ webhook, open, onOpenChange }: { webhook?: Webhook; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [created, setCreated] = useState<CreatedWebhook | null>(null)
  const change = (next: boolean) => {
    if (!next) setCreated(null)
    onOpenChange(next)
  }
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent className="sm:max-w-2xl" onInteractOutside={(event) => created && event.preventDefault()}>
        {created ? (
          <div className="grid gap-5">
            <DialogHeader>
              <DialogTitle>Webhook “{created.name}” created</DialogTitle>
              <DialogDescription>
                Baton signs every request to <span className="font-mono break-all">{created.url}</span> with this secret.
              </DialogDescription>
            </DialogHeader>
            <SecretReveal secret={created.secret} />
            <DialogFooter>
              <Button onClick={() => change(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          open && <WebhookFormBody webhook={webhook} onCreated={setCreated} onDone={() => change(false)} />
        )}
      </DialogContent>
    </Dialog>
  )
}

function WebhookFormBody({ webhook, onCreated, onDone }: { webhook?: Webhook; onCreated: (w: CreatedWebhook) => void; onDone: () => void }) {
  const [form, setForm] = useState<WebhookForm>(() => (webhook ? formFromWebhook(webhook) : emptyWebhookForm()))
  const [errors, setErrors] = useState<WebhookFormErrors>({})
  const projects = useProjectOptions()
  const create = useCreateWebhook()
  const update = useUpdateWebhook()
  const pending = create.isPending || update.isPending
  const set = (patch: Partial<WebhookForm>) => setForm((f) => ({ ...f, ...patch }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = bodyFromWebhookForm(form)
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    const onError = (failure: Error) => {
      const fields = fieldErrorsOf(failure)
      const eventsError = Object.entries(fields).find(([key]) => key.startsWith('events'))?.[1]
      setErrors({ url: fields.url, name: fields.name, events: eventsError })
      toast.error(webhook ? 'Could not save the webhook' : 'Could not create the webhook', { description: failure.message })
    }
    if (webhook) {
      update.mutate(
        { id: webhook.id, body: result.body },
        {
          onSuccess: (saved) => {
            toast.success(`Webhook “${saved.name}” saved`)
            onDone()
          },
          onError,
        },
      )
    } else {
      create.mutate(result.body, {
        onSuccess: (saved) => {
          toast.success(`Webhook “${saved.name}” created`)
          onCreated(saved)
        },
        onError,
      })
    }
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>{webhook ? `Edit “${webhook.name}”` : 'Create webhook'}</DialogTitle>
        <DialogDescription>Baton POSTs a signed JSON body to the URL for each event, and retries for hours when it fails.</DialogDescription>
      </DialogHeader>
      <FormField label="URL" error={errors.url}>
        {(props) => (
          <Input
            {...props}
            type="url"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder="https://hooks.example.com/baton"
            value={form.url}
            onChange={(e) => {
              set({ url: e.target.value })
              setErrors((x) => ({ ...x, url: undefined }))
            }}
          />
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Name" optional error={errors.name} hint="Defaults to the URL’s host.">
          {(props) => <Input {...props} autoComplete="off" value={form.name} onChange={(e) => set({ name: e.target.value })} />}
        </FormField>
        <FormField label="Project" hint="Only this project’s events, or every project’s.">
          {(props) => (
            <Select value={form.projectId || GLOBAL} onValueChange={(value) => set({ projectId: value === GLOBAL ? '' : value })}>
              <SelectTrigger {...props}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={GLOBAL}>All projects (global)</SelectItem>
                {projects.data?.map((project) => (
                  <SelectItem key={project.id} value={project.id}>
                    {project.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </FormField>
      </div>
      <EventsPicker
        allEvents={form.allEvents}
        events={form.events}
        error={errors.events}
        onChange={(next) => {
          set(next)
          setErrors((x) => ({ ...x, events: undefined }))
        }}
      />
      <SecretMapEditor legend="Headers" itemLabel="header" namePlaceholder="Header" rows={form.headers} onChange={(headers) => set({ headers })} errors={errors.rows} />
      <div className="flex items-center gap-2">
        <Switch id="webhook-active" checked={form.active} onCheckedChange={(active) => set({ active })} />
        <Label htmlFor="webhook-active">Active</Label>
        <span className="text-xs text-muted-foreground">An inactive webhook gets no events.</span>
      </div>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Loader2Icon className="animate-spin" />}
          {webhook ? (pending ? 'Saving…' : 'Save webhook') : pending ? 'Creating…' : 'Create webhook'}
        </Button>
      </DialogFooter>
    </form>
  )
}
