import { RelativeTime } from '@/components/relative-time'
import { Badge } from '@/components/ui/badge'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { cn } from '@/lib/utils'

import type { AuditEntry } from '../api/types'
import { actionTone, summarizeDetail } from '../lib/audit'

const TONE_CLASS = {
  success: 'border-success/25 bg-success-soft text-success',
  warning: 'border-warning/25 bg-warning-soft text-warning',
  destructive: 'border-destructive/25 bg-destructive/10 text-destructive',
  muted: 'border-border bg-muted text-muted-foreground',
} as const

function Columns() {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        <TableHead className="w-32">Time</TableHead>
        <TableHead className="w-32">Actor</TableHead>
        <TableHead className="w-44">Action</TableHead>
        <TableHead className="w-44">Resource</TableHead>
        <TableHead className="hidden w-28 lg:table-cell">IP</TableHead>
        <TableHead className="hidden md:table-cell">Detail</TableHead>
      </TableRow>
    </TableHeader>
  )
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table aria-label="Audit log" className="table-fixed">
      <Columns />
      <TableBody>
        {entries.map((entry) => {
          const detail = summarizeDetail(entry.detail)
          return (
            <TableRow key={entry.id}>
              <TableCell className="text-muted-foreground">
                <RelativeTime value={entry.at} />
              </TableCell>
              <TableCell className="max-w-0">
                <span className="block truncate font-medium" title={entry.actor_name ?? undefined}>
                  {entry.actor_name ?? <span className="font-normal text-muted-foreground">system</span>}
                </span>
              </TableCell>
              <TableCell>
                <Badge variant="outline" className={cn('rounded-md font-mono text-[11px]', TONE_CLASS[actionTone(entry.action)])}>
                  {entry.action}
                </Badge>
              </TableCell>
              <TableCell className="max-w-0">
                <span className="block truncate" title={entry.resource_id ?? undefined}>
                  {entry.resource_type}
                  {/* Ids are UUIDv7: the start is a timestamp shared by neighbours, the end tells them apart. */}
                  {entry.resource_id && (
                    <span className="ml-1.5 font-mono text-xs text-muted-foreground">…{entry.resource_id.slice(-8)}</span>
                  )}
                </span>
              </TableCell>
              <TableCell className="hidden font-mono text-xs text-muted-foreground lg:table-cell">{entry.ip ?? '—'}</TableCell>
              <TableCell className="hidden max-w-0 md:table-cell">
                <span className="block truncate text-xs text-muted-foreground" title={detail || undefined}>
                  {detail || '—'}
                </span>
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}

export function AuditTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Table aria-label="Loading audit log" aria-busy="true" className="table-fixed">
      <Columns />
      <TableBody>
        {Array.from({ length: rows }, (_, index) => (
          <TableRow key={index} className="hover:bg-transparent">
            <TableCell>
              <Skeleton className="h-3.5 w-20" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-4 w-16" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-5 w-28 rounded-md" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-4 w-28" />
            </TableCell>
            <TableCell className="hidden lg:table-cell">
              <Skeleton className="h-3.5 w-20" />
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <Skeleton className="h-3.5 w-40 max-w-full" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
