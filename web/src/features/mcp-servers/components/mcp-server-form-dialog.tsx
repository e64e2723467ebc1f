import { Loader2Icon } from 'lucide-react'
import { useId, useState, type FormEvent } from 'react'
import { toast } from 'sonner'

import { FormField } from '@/components/form-field'
import { SecretMapEditor } from '@/components/secret-map-editor'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { Textarea } from '@/components/ui/textarea'
import { fieldErrorsOf } from '@/lib/api-client'
import { cn } from '@/lib/utils'

import { useProjectOptions } from '../api/get-projects'
import { useCreateMcpServer, useUpdateMcpServer } from '../api/save-mcp-server'
import type { McpServer } from '../api/types'
import { bodyFromForm, emptyServerForm, formFromServer, type FormErrors, type ServerForm } from '../lib/server-form'

const GLOBAL = '__global'

/** Add a Baton-managed server, or edit one (`server`). */
export function McpServerFormDialog({
  server,
  defaultProjectId,
  open,
  onOpenChange,
}: {
  server?: McpServer
  defaultProjectId: string | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl">
        {open && <ServerFormBody server={server} defaultProjectId={defaultProjectId} onDone={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  )
}

function ServerFormBody({ server, defaultProjectId, onDone }: { server?: McpServer; defaultProjectId: string | null; onDone: () => void }) {
  const [form, setForm] = useState<ServerForm>(() => (server ? formFromServer(server) : emptyServerForm(defaultProjectId)))
  const [errors, setErrors] = useState<FormErrors>({})
  const projects = useProjectOptions()
  const create = useCreateMcpServer()
  const update = useUpdateMcpServer()
  const pending = create.isPending || update.isPending
  const transportId = useId()
  const set = <K extends keyof ServerForm>(key: K, value: ServerForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    if (key === 'name' || key === 'command' || key === 'url') setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = bodyFromForm(form)
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    const handlers = {
      onSuccess: () => {
        toast.success(server ? `MCP server “${result.body.name}” saved` : `MCP server “${result.body.name}” added`)
        onDone()
      },
      onError: (failure: Error) => {
        const fields = fieldErrorsOf(failure)
        setErrors({ name: fields.name, command: fields.command, url: fields.url })
        toast.error(server ? 'Could not save the server' : 'Could not add the server', { description: failure.message })
      },
    }
    if (server) update.mutate({ ref: { name: server.name, project_id: server.project_id ?? null }, body: result.body }, handlers)
    else create.mutate(result.body, handlers)
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>{server ? `Edit “${server.name}”` : 'Add MCP server'}</DialogTitle>
        <DialogDescription>Baton keeps it, checks it and offers it to agents. Secret values are encrypted at rest.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Name" error={errors.name} hint={server ? 'Fixed once added.' : 'How agents refer to it.'}>
          {(props) => (
            <Input
              {...props}
              autoFocus={!server}
              disabled={Boolean(server)}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Project" hint={server ? 'Fixed once added.' : 'Global servers are offered in every project.'}>
          {(props) => (
            <Select value={form.projectId || GLOBAL} onValueChange={(value) => set('projectId', value === GLOBAL ? '' : value)} disabled={Boolean(server)}>
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
      <fieldset className="grid gap-2" aria-labelledby={transportId}>
        <legend id={transportId} className="mb-2 text-sm leading-none font-medium">
          Transport
        </legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(
            [
              ['stdio', 'stdio', 'Baton starts the command and talks over stdin/stdout.'],
              ['http', 'HTTP', 'Streamable HTTP at a URL.'],
            ] as const
          ).map(([value, label, description]) => (
            <label
              key={value}
              className={cn(
                'flex cursor-pointer gap-3 rounded-lg border px-3 py-2.5 transition-colors hover:bg-muted/50 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50',
                form.transport === value && 'border-foreground/40 bg-muted/60',
              )}
            >
              <input
                type="radio"
                name="transport"
                value={value}
                checked={form.transport === value}
                onChange={() => set('transport', value)}
                className="mt-0.5 size-4 shrink-0 accent-foreground"
              />
              <span className="grid gap-0.5">
                <span className="text-sm font-medium">{label}</span>
                <span className="text-xs text-muted-foreground">{description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {form.transport === 'stdio' ? (
        <>
          <FormField label="Command" error={errors.command} hint="A program on the PATH of the Baton server, or a full path.">
            {(props) => (
              <Input {...props} autoComplete="off" spellCheck={false} className="font-mono" placeholder="npx" value={form.command} onChange={(e) => set('command', e.target.value)} />
            )}
          </FormField>
          <FormField label="Arguments" optional hint="One per line.">
            {(props) => (
              <Textarea
                {...props}
                rows={3}
                spellCheck={false}
                className="font-mono text-xs"
                placeholder={'-y\n@modelcontextprotocol/server-everything'}
                value={form.args}
                onChange={(e) => set('args', e.target.value)}
              />
            )}
          </FormField>
          <SecretMapEditor legend="Environment" itemLabel="variable" namePlaceholder="NAME" rows={form.env} onChange={(env) => set('env', env)} errors={errors.rows} />
        </>
      ) : (
        <>
          <FormField label="URL" error={errors.url}>
            {(props) => (
              <Input {...props} type="url" autoComplete="off" spellCheck={false} className="font-mono" placeholder="https://mcp.example.com/mcp" value={form.url} onChange={(e) => set('url', e.target.value)} />
            )}
          </FormField>
          <SecretMapEditor legend="Headers" itemLabel="header" namePlaceholder="Header" rows={form.headers} onChange={(headers) => set('headers', headers)} errors={errors.rows} />
        </>
      )}
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Loader2Icon className="animate-spin" />}
          {server ? (pending ? 'Saving…' : 'Save server') : pending ? 'Adding…' : 'Add server'}
        </Button>
      </DialogFooter>
    </form>
  )
}
