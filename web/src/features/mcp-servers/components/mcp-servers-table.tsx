import { RelativeTime } from '@/components/relative-time'
import { Badge } from '@/components/ui/badge'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { cn } from '@/lib/utils'

import type { McpServer } from '../api/types'
import { formatLatency, serverKey } from '../lib/checks'
import { HistorySparkline } from './history-sparkline'
import { ScopeBadge } from './scope-badge'
import { StatusDot } from './status-dot'

function Columns() {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        <TableHead>Server</TableHead>
        <TableHead className="hidden w-20 md:table-cell">Transport</TableHead>
        <TableHead className="w-24">Status</TableHead>
        <TableHead className="hidden w-28 sm:table-cell">Last check</TableHead>
        <TableHead className="hidden w-20 text-right lg:table-cell">Latency</TableHead>
        <TableHead className="hidden w-44 lg:table-cell">Reports as</TableHead>
        <TableHead className="w-16 text-right">Tools</TableHead>
        <TableHead className="hidden w-36 md:table-cell">History</TableHead>
      </TableRow>
    </TableHeader>
  )
}

export function McpServersTable({ servers, onOpen }: { servers: McpServer[]; onOpen: (server: McpServer) => void }) {
  return (
    <Table aria-label="MCP servers" className="table-fixed">
      <Columns />
      <TableBody>
        {servers.map((server) => {
          const check = server.last_check
          return (
            <TableRow key={serverKey(server)} className={cn(server.overridden_by && 'text-muted-foreground')} data-server={server.name}>
              <TableCell className="max-w-0">
                <div className="grid gap-1">
                  <button
                    type="button"
                    onClick={() => onOpen(server)}
                    className="w-fit max-w-full cursor-pointer truncate rounded-sm text-left font-mono font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                    aria-label={`Open ${server.name}`}
                    title={server.name}
                  >
                    {server.name}
                  </button>
                  <ScopeBadge scope={server.scope} overriddenBy={server.overridden_by} />
                </div>
              </TableCell>
              <TableCell className="hidden md:table-cell">
                <Badge variant="muted" className="uppercase">
                  {server.transport}
                </Badge>
              </TableCell>
              <TableCell>
                <StatusDot status={server.status} />
              </TableCell>
              <TableCell className="hidden text-muted-foreground sm:table-cell">
                {check ? <RelativeTime value={check.checked_at} /> : 'Never'}
              </TableCell>
              <TableCell className="hidden text-right text-muted-foreground tabular-nums lg:table-cell">
                {check?.ok ? formatLatency(check.latency_ms) : '—'}
              </TableCell>
              <TableCell className="hidden max-w-0 lg:table-cell">
                {check?.server_name ? (
                  <span className="grid text-muted-foreground" title={[check.server_name, check.server_version].filter(Boolean).join(' ')}>
                    <span className="truncate text-foreground">{check.server_name}</span>
                    {check.server_version && <span className="truncate text-xs">v{check.server_version}</span>}
                  </span>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">{check?.tool_count ?? '—'}</TableCell>
              <TableCell className="hidden md:table-cell">
                <HistorySparkline server={{ name: server.name, project_id: server.project_id ?? null }} />
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}

export function McpServersTableSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <Table aria-label="Loading MCP servers" aria-busy="true" className="table-fixed">
      <Columns />
      <TableBody>
        {Array.from({ length: rows }, (_, index) => (
          <TableRow key={index} className="hover:bg-transparent">
            <TableCell>
              <Skeleton className="h-4 w-32" />
              <Skeleton className="mt-1.5 h-4 w-14 rounded-full" />
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <Skeleton className="h-5 w-12 rounded-full" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-4 w-14" />
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <Skeleton className="h-3.5 w-20" />
            </TableCell>
            <TableCell className="hidden lg:table-cell">
              <Skeleton className="ml-auto h-3.5 w-12" />
            </TableCell>
            <TableCell className="hidden lg:table-cell">
              <Skeleton className="h-3.5 w-28" />
            </TableCell>
            <TableCell>
              <Skeleton className="ml-auto h-3.5 w-6" />
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <Skeleton className="h-6 w-28" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
