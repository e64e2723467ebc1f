import { Loader2Icon, PencilIcon, RefreshCwIcon, RotateCcwIcon, Trash2Icon } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { toast } from 'sonner'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog'

import { useCheckMcpServer } from '../api/check-mcp-server'
import { useRestartMcpServer } from '../api/restart-mcp-server'
import type { McpCheckResult, McpRestartResult, McpServer } from '../api/types'
import { scopeSource } from '../lib/checks'
import { useMcpPermissions } from '../lib/permissions'
import { CheckResultView } from './check-result-view'
import { HistorySparkline } from './history-sparkline'
import { ScopeBadge } from './scope-badge'
import { ServerConfigView } from './server-config-view'
import { StatusDot } from './status-dot'
import { ToolList } from './tool-list'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid gap-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  )
}

/**
 * One server: its configuration, checks on demand, restart, its tools and the agents using it.
 * `server` is read from the live list, so status changes arriving on the socket show here too.
 */
export function McpServerDetail({
  server,
  open,
  onOpenChange,
  onEdit,
  onDelete,
}: {
  server: McpServer
  open: boolean
  onOpenChange: (open: boolean) => void
  onEdit: () => void
  onDelete: () => void
}) {
  const may = useMcpPermissions()
  const ref = { name: server.name, project_id: server.project_id ?? null }
  const check = useCheckMcpServer()
  const restart = useRestartMcpServer()
  const [latest, setLatest] = useState<McpCheckResult | null>(null)
  const [restarted, setRestarted] = useState<McpRestartResult | null>(null)
  const shown = latest ?? server.last_check
  const tools = shown?.tools ?? null
  const editable = server.scope === 'baton'

  const runCheck = () =>
    check.mutate(ref, {
      onSuccess: (result) => {
        setLatest(result)
        setRestarted(null)
      },
      onError: (error) => toast.error(`Could not check ${server.name}`, { description: error.message }),
    })
  const runRestart = () =>
    restart.mutate(ref, {
      onSuccess: (result) => {
        setRestarted(result)
        setLatest(result.check)
      },
      onError: (error) => toast.error(`Could not restart ${server.name}`, { description: error.message }),
    })

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{server.name}</span>
            <ScopeBadge scope={server.scope} overriddenBy={server.overridden_by} />
            <Badge variant="muted" className="uppercase">
              {server.transport}
            </Badge>
            <StatusDot status={server.status} className="ml-1 font-normal" />
          </DialogTitle>
          <DialogDescription>
            {editable
              ? 'Added in Baton.'
              : `Discovered in ${scopeSource(server.scope)}: read-only here, change it there.`}
            {server.managed && ' Baton runs its process.'}
            {server.overridden_by && ` A ${server.overridden_by}-scope server of the same name wins: agents and checks use that one.`}
          </DialogDescription>
        </DialogHeader>

        <div className="flex flex-wrap gap-2">
          {may.check && (
            <>
              <Button onClick={runCheck} disabled={check.isPending}>
                {check.isPending ? <Loader2Icon className="animate-spin" /> : <RefreshCwIcon />}
                {check.isPending ? 'Checking…' : 'Check now'}
              </Button>
              <Button variant="outline" onClick={runRestart} disabled={restart.isPending}>
                {restart.isPending ? <Loader2Icon className="animate-spin" /> : <RotateCcwIcon />}
                {restart.isPending ? 'Restarting…' : 'Restart'}
              </Button>
            </>
          )}
          {may.manage && editable && (
            <>
              <Button variant="outline" onClick={onEdit}>
                <PencilIcon />
                Edit
              </Button>
              <Button variant="outline" className="text-destructive hover:bg-destructive/10 hover:text-destructive" onClick={onDelete}>
                <Trash2Icon />
                Delete
              </Button>
            </>
          )}
        </div>

        {restarted && (
          <p role="status" className="rounded-md border bg-muted/50 px-3 py-2 text-sm">
            {restarted.message}
          </p>
        )}

        <Section title={latest ? 'Check' : 'Last check'}>
          {shown ? <CheckResultView check={shown} /> : <p className="text-sm text-muted-foreground">Not checked yet.</p>}
          <div className="flex items-center gap-3 text-xs text-muted-foreground">
            <span>History</span>
            <HistorySparkline server={ref} width={240} height={32} />
          </div>
        </Section>

        <Section title="Configuration">
          <ServerConfigView server={server} />
        </Section>

        <Section title="Used by">
          {server.used_by.length > 0 ? (
            <ul aria-label="Agents using it" className="flex flex-wrap gap-1.5">
              {server.used_by.map((agent) => (
                <li key={agent}>
                  <Badge variant="secondary">{agent}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">No agent lists it.</p>
          )}
        </Section>

        <Section title={tools ? `Tools (${tools.length})` : 'Tools'}>
          {tools ? (
            <ToolList tools={tools} />
          ) : (
            <p className="text-sm text-muted-foreground">
              {shown && !shown.ok ? 'It did not answer, so its tools are unknown.' : 'Run “Check now” to list its tools.'}
            </p>
          )}
        </Section>
      </DialogContent>
    </Dialog>
  )
}
