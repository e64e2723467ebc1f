import { PlugZapIcon, PlusIcon } from 'lucide-react'
import { useState, type ReactNode } from 'react'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Label } from '@/components/ui/label'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'

import { useMcpServers } from '../api/get-mcp-servers'
import { useProjectOptions } from '../api/get-projects'
import type { McpServer } from '../api/types'
import { useLiveMcp } from '../hooks/use-live-mcp'
import { serverKey } from '../lib/checks'
import { useMcpPermissions } from '../lib/permissions'
import { DeleteMcpServerDialog } from './delete-mcp-server-dialog'
import { McpServerDetail } from './mcp-server-detail'
import { McpServerFormDialog } from './mcp-server-form-dialog'
import { McpServersTable, McpServersTableSkeleton } from './mcp-servers-table'

const ALL = '__all'

// A server being deleted is held as it was: deleting takes it out of the list, and the dialog
// must stay to report the result.
type Open = { kind: 'detail' | 'edit'; key: string } | { kind: 'delete'; server: McpServer } | { kind: 'add' } | null

/** The Configuration page's "MCP servers" tab: every server Baton knows, its health and its tools. */
export function McpServersTab() {
  useLiveMcp()
  const may = useMcpPermissions()
  const [projectId, setProjectId] = useState<string | null>(null)
  const query = useMcpServers(projectId)
  const projects = useProjectOptions()
  const [open, setOpen] = useState<Open>(null)
  // Dialogs look their server up in the live list, so they show what the socket changes.
  const current = open && (open.kind === 'detail' || open.kind === 'edit') ? query.data?.servers.find((s) => serverKey(s) === open.key) : undefined
  const close = () => setOpen(null)
  const openDetail = (server: McpServer) => setOpen({ kind: 'detail', key: serverKey(server) })

  let body: ReactNode
  if (query.isPending) body = <McpServersTableSkeleton />
  else if (query.isError)
    body = <ErrorState title="Could not load MCP servers" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  else if (query.data.servers.length === 0)
    body = (
      <EmptyState
        icon={<PlugZapIcon />}
        title="No MCP servers"
        description={
          <>
            Baton lists the servers of <code className="font-mono text-xs">~/.claude.json</code> and of each project’s{' '}
            <code className="font-mono text-xs">.mcp.json</code>
            {may.manage ? ', and the ones you add here.' : '.'}
          </>
        }
        action={
          may.manage && (
            <Button onClick={() => setOpen({ kind: 'add' })}>
              <PlusIcon />
              Add server
            </Button>
          )
        }
      />
    )
  else body = <McpServersTable servers={query.data.servers} onOpen={openDetail} />

  return (
    <section aria-labelledby="mcp-servers-heading" className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <h2 id="mcp-servers-heading" className="text-lg font-semibold tracking-tight">
            MCP servers
          </h2>
          <p className="text-sm text-muted-foreground">Servers your agents can use, where they come from, and whether they answer.</p>
        </div>
        <div className="flex items-end gap-2">
          <div className="grid gap-1.5">
            <Label htmlFor="mcp-project-filter" className="text-xs text-muted-foreground">
              Project
            </Label>
            <Select value={projectId ?? ALL} onValueChange={(value) => setProjectId(value === ALL ? null : value)}>
              <SelectTrigger id="mcp-project-filter" className="w-48">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ALL}>All projects</SelectItem>
                {projects.data?.map((project) => (
                  <SelectItem key={project.id} value={project.id}>
                    {project.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          {may.manage && (
            <Button onClick={() => setOpen({ kind: 'add' })}>
              <PlusIcon />
              Add server
            </Button>
          )}
        </div>
      </div>
      <Card className="overflow-hidden">{body}</Card>

      {current && open?.kind === 'detail' && (
        <McpServerDetail
          server={current}
          open
          onOpenChange={(next) => !next && close()}
          onEdit={() => setOpen({ kind: 'edit', key: serverKey(current) })}
          onDelete={() => setOpen({ kind: 'delete', server: current })}
        />
      )}
      {current && open?.kind === 'edit' && (
        <McpServerFormDialog server={current} defaultProjectId={projectId} open onOpenChange={(next) => !next && setOpen({ kind: 'detail', key: serverKey(current) })} />
      )}
      {open?.kind === 'delete' && (
        <DeleteMcpServerDialog
          server={open.server}
          open
          onOpenChange={(next) => !next && setOpen({ kind: 'detail', key: serverKey(open.server) })}
          onDeleted={close}
        />
      )}
      <McpServerFormDialog defaultProjectId={projectId} open={open?.kind === 'add'} onOpenChange={(next) => !next && close()} />
    </section>
  )
}
