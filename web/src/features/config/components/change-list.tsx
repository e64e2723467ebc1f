import { ArrowRightIcon, LockIcon } from 'lucide-react'

import { cn } from '@/lib/utils'

import type { ConfigChange } from '../api/types'
import { changeKind, meaningfulChanges, pathLabel } from '../lib/changes'
import { formatValue, isSecret } from '../lib/values'

function Value({ value, tone }: { value: unknown; tone: 'before' | 'after' }) {
  if (value === null || value === undefined) return <span className="text-muted-foreground italic">unset</span>
  const text = formatValue(value)
  return (
    <span
      title={text}
      className={cn(
        'inline-flex max-w-full min-w-0 items-center gap-1 rounded px-1 py-px font-mono text-xs break-all',
        tone === 'before' ? 'bg-destructive/10 text-destructive line-through decoration-destructive/40' : 'bg-success-soft text-success',
      )}
    >
      {isSecret(value) && <LockIcon aria-label="secret" className="size-3 shrink-0" />}
      {text}
    </span>
  )
}

/** What changed, path by path: before → after. Secrets only ever show masked. */
export function ChangeList({ changes: all, label, className }: { changes: readonly ConfigChange[]; label: string; className?: string }) {
  const changes = meaningfulChanges(all)
  if (changes.length === 0) return <p className={cn('text-sm text-muted-foreground', className)}>No differences.</p>
  return (
    <ul aria-label={label} className={cn('grid gap-1.5', className)}>
      {changes.map((change) => {
        const kind = changeKind(change)
        return (
          <li key={change.path} className="grid gap-1 text-sm sm:grid-cols-[minmax(8rem,14rem)_minmax(0,1fr)] sm:gap-3">
            <span className="truncate font-mono text-xs leading-5 font-medium" title={pathLabel(change.path)}>
              {pathLabel(change.path)}
            </span>
            <span className="flex min-w-0 flex-wrap items-center gap-1.5">
              {kind !== 'added' && <Value value={change.before} tone="before" />}
              {kind === 'changed' && <ArrowRightIcon aria-label="becomes" className="size-3.5 shrink-0 text-muted-foreground" />}
              {kind === 'added' && <span className="text-xs text-muted-foreground">set to</span>}
              {kind !== 'removed' ? <Value value={change.after} tone="after" /> : <span className="text-xs text-muted-foreground">removed</span>}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
