import { LockIcon, SearchIcon } from 'lucide-react'
import { Fragment, useDeferredValue, useId, useMemo, useState } from 'react'

import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'

import type { ConfigView } from '../api/types'
import { effectiveRows, filterRows } from '../lib/effective'
import { formatValue, MASK } from '../lib/values'
import { OriginBadge } from './origin-badge'

const ORDER = ['default', 'flag', 'global', 'project', 'agent'] as const

/** A dot path that wraps after its dots rather than being cut off. */
function BreakablePath({ path }: { path: string }) {
  const parts = path.split('.')
  return (
    <span className="block font-mono text-xs break-words">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && (
            <>
              .<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </span>
  )
}

/** The merged configuration Baton uses, one row per value, with where each value comes from. */
export function EffectiveTable({ view, scopeKind }: { view: ConfigView; scopeKind: 'global' | 'project' }) {
  const id = useId()
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)
  const rows = useMemo(() => effectiveRows(view.effective, view.origins), [view.effective, view.origins])
  const shown = useMemo(() => filterRows(rows, deferred, formatValue), [rows, deferred])
  // A project's view can include agents' values; the global one stops at global.
  const origins = scopeKind === 'global' ? ORDER.slice(0, 3) : ORDER

  return (
    <Card role="region" aria-labelledby={`${id}-heading`} className="overflow-hidden">
      <CardHeader className="gap-3 border-b px-4 pt-4 pb-4">
        <div className="space-y-1">
          <CardTitle id={`${id}-heading`}>Effective configuration</CardTitle>
          <CardDescription>What Baton uses now, and where each value comes from.</CardDescription>
          <p className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
            <span className="mr-0.5">Each overrides the ones before it:</span>
            {origins.map((origin, index) => (
              <span key={origin} className="inline-flex items-center gap-1">
                {index > 0 && <span aria-hidden>›</span>}
                <OriginBadge origin={origin} />
              </span>
            ))}
          </p>
        </div>
        <div className="relative">
          <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Filter by path or value"
            aria-label="Filter the effective configuration"
            className="pl-8"
          />
        </div>
      </CardHeader>
      {rows.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-muted-foreground">Nothing is configured.</p>
      ) : shown.length === 0 ? (
        <p role="status" className="px-4 py-8 text-center text-sm text-muted-foreground">
          No value matches “{query.trim()}”.
        </p>
      ) : (
        <div className="max-h-[38rem] overflow-auto">
          <Table aria-label="Effective configuration" className="table-fixed">
            <TableHeader className="sticky top-0 z-10 bg-card">
              <TableRow className="hover:bg-transparent">
                <TableHead className="w-1/2">Path</TableHead>
                <TableHead>Value</TableHead>
                <TableHead className="w-24">Origin</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((row) => {
                const text = formatValue(row.value)
                return (
                  <TableRow key={row.path} data-path={row.path}>
                    <TableCell className="max-w-0 py-1.5 whitespace-normal">
                      <BreakablePath path={row.path} />
                    </TableCell>
                    <TableCell className="max-w-0 py-1.5">
                      {row.secret ? (
                        <span className="inline-flex items-center gap-1 font-mono text-xs text-muted-foreground">
                          <LockIcon aria-hidden className="size-3" />
                          <span className="sr-only">secret </span>
                          {MASK}
                        </span>
                      ) : (
                        <span className="block truncate font-mono text-xs" title={text}>
                          {text}
                        </span>
                      )}
                    </TableCell>
                    <TableCell className="py-1.5">
                      <OriginBadge origin={row.origin} />
                    </TableCell>
                  </TableRow>
                )
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </Card>
  )
}
