import { mapFromRows, rowsFromMap, type SecretRow } from '@/lib/secret-map'

import type { McpServer, McpServerBody, McpTransport } from '../api/types'

export type ServerForm = {
  name: string
  /** '' = every project (global). */
  projectId: string
  transport: Extract<McpTransport, 'stdio' | 'http'>
  command: string
  /** One argument per line, so arguments may hold spaces. */
  args: string
  url: string
  env: SecretRow[]
  headers: SecretRow[]
}

export function emptyServerForm(projectId: string | null): ServerForm {
  return { name: '', projectId: projectId ?? '', transport: 'stdio', command: '', args: '', url: '', env: [], headers: [] }
}

export function formFromServer(server: McpServer): ServerForm {
  return {
    name: server.name,
    projectId: server.project_id ?? '',
    transport: server.transport === 'stdio' ? 'stdio' : 'http',
    command: server.command ?? '',
    args: (server.args ?? []).join('\n'),
    url: server.url ?? '',
    env: rowsFromMap(server.env),
    headers: rowsFromMap(server.headers),
  }
}

export type FormErrors = Partial<Record<'name' | 'command' | 'url', string>> & { rows?: Record<string, string> }

const NAME = /^[A-Za-z0-9_-]{1,64}$/

/** The body to send, or what to fix. Only the fields of the chosen transport are sent. */
export function bodyFromForm(form: ServerForm): { ok: true; body: McpServerBody } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {}
  const name = form.name.trim()
  if (!name) errors.name = 'Name is required.'
  else if (!NAME.test(name)) errors.name = 'Use letters, digits, “-” and “_” (at most 64).'
  const body: McpServerBody = { name, project_id: form.projectId || null, type: form.transport }
  if (form.transport === 'stdio') {
    const command = form.command.trim()
    if (!command) errors.command = 'Command is required.'
    body.command = command
    body.args = form.args.split('\n').map((a) => a.trim()).filter((a) => a !== '')
    const env = mapFromRows(form.env)
    if (env.ok) body.env = env.value
    else errors.rows = { ...errors.rows, ...env.errors }
  } else {
    const url = form.url.trim()
    if (!/^https?:\/\/\S+$/.test(url)) errors.url = 'Enter an http:// or https:// URL.'
    body.url = url
    const headers = mapFromRows(form.headers)
    if (headers.ok) body.headers = headers.value
    else errors.rows = { ...errors.rows, ...headers.errors }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body }
}

/** The body of a PUT: the configuration only; the name and project are in the URL and cannot change. */
export function configOf(body: McpServerBody): Omit<McpServerBody, 'name' | 'project_id'> {
  const { name: _name, project_id: _projectId, ...config } = body
  return config
}
