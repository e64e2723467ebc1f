import { ArrowDownIcon, ArrowRightIcon, ArrowUpDownIcon, ArrowUpIcon } from 'lucide-react'
import { useMemo, useState, type ReactNode } from 'react'
import { Link } from 'react-router'

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import type { CollaborationEdge } from '../api/types'
import { describeHandoff } from '../lib/flow-elements'
import type { Focus } from '../lib/graph'
import { DEFAULT_HANDOFF_SORT, nextSort, sortHandoffs, type HandoffSort, type HandoffSortKey } from '../lib/sort'

function SortableHead({
  column,
  sort,
  onSort,
  align = 'left',
  className,
  children,
}: {
  column: HandoffSortKey
  sort: HandoffSort
  onSort: (column: HandoffSortKey) => void
  align?: 'left' | 'right'
  className?: string
  children: ReactNode
}) {
  const sorted = sort.key === column
  const Icon = !sorted ? ArrowUpDownIcon : sort.order === 'asc' ? ArrowUpIcon : ArrowDownIcon
  return (
    <TableHead
      aria-sort={sorted ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={cn(align === 'right' && 'text-right', className)}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={cn(
          'group -mx-1.5 inline-flex items-center gap-1 rounded-sm px-1.5 py-1 outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
          sorted && 'text-foreground',
          align === 'right' && 'flex-row-reverse',
        )}
      >
        {children}
        <Icon
          aria-hidden
          className={cn('size-3.5 transition-opacity', sorted ? 'opacity-80' : 'opacity-0 group-hover:opacity-50 group-focus-visible:opacity-50')}
        />
      </button>
    </TableHead>
  )
}

function AgentLink({ name, color, onFocus, onBlur }: { name: string; color: string | null; onFocus: () => void; onBlur: () => void }) {
  const palette = agentColor(name, color)
  return (
    <Link
      to={`/agents/${encodeURIComponent(name)}`}
      style={palette.style}
      onFocus={onFocus}
      onBlur={onBlur}
      className="inline-flex max-w-full items-center gap-2 rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <span aria-hidden className={cn('size-2 shrink-0 rounded-full', palette.dot)} />
      <span className="truncate">{name}</span>
    </Link>
  )
}

/**
 * Every hand-off, to read exact numbers and for those who do not use the graph: sortable, and
 * hovering a row (or focusing its links) brightens the hand-off in the graph.
 */
export function HandoffsTable({
  edges,
  declaredColors,
  onFocusChange,
}: {
  edges: CollaborationEdge[]
  declaredColors: ReadonlyMap<string, string | null>
  onFocusChange: (focus: Focus) => void
}) {
  const [sort, setSort] = useState<HandoffSort>(DEFAULT_HANDOFF_SORT)
  const rows = useMemo(() => sortHandoffs(edges, sort), [edges, sort])
  const max = Math.max(1, ...edges.map((e) => e.count))
  const onSort = (column: HandoffSortKey) => setSort((current) => nextSort(current, column))
  const head = { sort, onSort }

  return (
    <Table aria-label="Hand-offs" className="table-fixed">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <SortableHead column="from" {...head}>
            From
          </SortableHead>
          <SortableHead column="to" {...head}>
            To
          </SortableHead>
          <SortableHead column="count" align="right" className="w-40 sm:w-56" {...head}>
            Hand-offs
          </SortableHead>
          <SortableHead column="executions" align="right" className="w-28" {...head}>
            Executions
          </SortableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((edge) => {
          const self = edge.from === edge.to
          const focus = () => onFocusChange(self ? { agent: edge.from } : { from: edge.from, to: edge.to })
          const blur = () => onFocusChange(null)
          return (
            <TableRow
              key={`${edge.from}\u0000${edge.to}`}
              aria-label={describeHandoff(edge)}
              onPointerEnter={focus}
              onPointerLeave={blur}
            >
              <TableCell>
                <AgentLink name={edge.from} color={declaredColors.get(edge.from) ?? null} onFocus={focus} onBlur={blur} />
              </TableCell>
              <TableCell>
                <div className="flex min-w-0 items-center gap-2">
                  <ArrowRightIcon aria-hidden className="size-3.5 shrink-0 text-muted-foreground/60" />
                  {self ? (
                    <span className="text-muted-foreground italic">itself</span>
                  ) : (
                    <AgentLink name={edge.to} color={declaredColors.get(edge.to) ?? null} onFocus={focus} onBlur={blur} />
                  )}
                </div>
              </TableCell>
              <TableCell className="text-right">
                <div className="flex items-center justify-end gap-3">
                  <span aria-hidden className="hidden h-1.5 w-24 overflow-hidden rounded-full bg-muted sm:block">
                    <span className="block h-full rounded-full bg-muted-foreground/60" style={{ width: `${(edge.count / max) * 100}%` }} />
                  </span>
                  <span className="w-10 font-medium tabular-nums">{edge.count.toLocaleString()}</span>
                </div>
              </TableCell>
              <TableCell className="text-right text-muted-foreground tabular-nums">{edge.executions.toLocaleString()}</TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
