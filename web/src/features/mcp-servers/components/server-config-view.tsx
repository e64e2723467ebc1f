import { LockIcon } from 'lucide-react'

import { displayValue } from '@/lib/secret-map'

import type { McpServer } from '../api/types'

function MapTable({ title, map }: { title: string; map: Record<string, unknown> }) {
  const entries = Object.entries(map)
  if (entries.length === 0) return null
  return (
    <div className="grid gap-1">
      <span className="text-xs font-medium text-muted-foreground">{title}</span>
      <dl className="grid gap-1 rounded-md border px-3 py-2 font-mono text-xs">
        {entries.map(([name, value]) => {
          const shown = displayValue(value)
          return (
            <div key={name} className="flex min-w-0 gap-2">
              <dt className="shrink-0 font-medium">{name}</dt>
              <dd className="flex min-w-0 items-center gap-1 text-muted-foreground">
                {shown.secret && <LockIcon aria-label="secret" className="size-3 shrink-0" />}
                <span className="truncate">{shown.text}</span>
              </dd>
            </div>
          )
        })}
      </dl>
    </div>
  )
}

/** How Baton reaches the server, secrets masked as the server sends them. */
export function ServerConfigView({ server }: { server: McpServer }) {
  const commandLine = [server.command, ...(server.args ?? [])].filter(Boolean).join(' ')
  return (
    <div className="grid gap-3">
      <div className="grid gap-1">
        <span className="text-xs font-medium text-muted-foreground">{server.transport === 'stdio' ? 'Command' : 'URL'}</span>
        <pre className="overflow-x-auto rounded-md bg-muted px-3 py-2 font-mono text-xs whitespace-pre-wrap break-all">
          {server.transport === 'stdio' ? commandLine || '—' : server.url || '—'}
        </pre>
        {server.managed && server.command && server.transport !== 'stdio' && (
          <p className="text-xs text-muted-foreground">
            Baton runs <code className="font-mono">{commandLine}</code> and keeps it running.
          </p>
        )}
      </div>
      <MapTable title="Environment" map={server.env ?? {}} />
      <MapTable title="Headers" map={server.headers ?? {}} />
    </div>
  )
}
