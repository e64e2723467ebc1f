import { CheckCircle2Icon, EyeIcon } from 'lucide-react'

import { Badge } from '@/components/ui/badge'
import { cn } from '@/lib/utils'

import type { ImportAction, ImportItem, ImportReport } from '../api/types'
import { groupImportItems, hasChanges } from '../lib/import-report'
import { ChangeList } from './change-list'

const ACTION_LABEL: Record<ImportAction, string> = { create: 'created', update: 'updated', delete: 'deleted', unchanged: 'unchanged' }
const ACTION_PREVIEW_LABEL: Record<ImportAction, string> = { create: 'create', update: 'update', delete: 'delete', unchanged: 'unchanged' }

const ACTION_TONE: Record<ImportAction, string> = {
  create: 'border-success/25 bg-success-soft text-success',
  update: 'border-sky-200 bg-sky-50 text-sky-700 dark:border-sky-500/30 dark:bg-sky-500/10 dark:text-sky-300',
  delete: 'border-destructive/25 bg-destructive/10 text-destructive',
  unchanged: 'border-border bg-muted text-muted-foreground',
}

function ActionBadge({ action, applied }: { action: ImportAction; applied: boolean }) {
  return (
    <Badge variant="outline" className={cn('w-16 justify-center px-1.5 py-px text-[11px]/4', ACTION_TONE[action])}>
      {applied ? ACTION_LABEL[action] : ACTION_PREVIEW_LABEL[action]}
    </Badge>
  )
}

function Counts({ report }: { report: ImportReport }) {
  const { created, updated, deleted, unchanged } = report.summary
  const items: [ImportAction, number][] = [
    ['create', created],
    ['update', updated],
    ['delete', deleted],
    ['unchanged', unchanged],
  ]
  return (
    <ul aria-label="Summary" className="flex flex-wrap gap-2">
      {items.map(([action, count]) => (
        <li key={action}>
          <Badge variant="outline" className={cn('gap-1 px-2 py-0.5 tabular-nums', count === 0 ? ACTION_TONE.unchanged : ACTION_TONE[action])}>
            <span className="font-semibold">{count}</span> {ACTION_LABEL[action]}
          </Badge>
        </li>
      ))}
    </ul>
  )
}

function ItemRow({ item, applied }: { item: ImportItem; applied: boolean }) {
  return (
    <li className="grid gap-2 px-4 py-2.5" aria-label={`${item.key}: ${applied ? ACTION_LABEL[item.action] : ACTION_PREVIEW_LABEL[item.action]}`}>
      <div className="flex min-w-0 items-center gap-2">
        <ActionBadge action={item.action} applied={applied} />
        <span className="truncate text-sm font-medium" title={item.key}>
          {item.key}
        </span>
        {item.action === 'update' && item.changes.length > 0 && (
          <span className="shrink-0 text-xs text-muted-foreground">
            {item.changes.length} {item.changes.length === 1 ? 'field' : 'fields'}
          </span>
        )}
      </div>
      {item.action === 'update' && item.changes.length > 0 && <ChangeList changes={item.changes} label={`Changes to ${item.key}`} className="sm:pl-[4.5rem]" />}
      {item.action !== 'update' && item.changes.length > 0 && (
        // Whole items created or deleted: every field, folded.
        <details className="sm:pl-[4.5rem]">
          <summary className="w-fit cursor-pointer rounded-sm text-xs text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">
            {item.changes.length} {item.changes.length === 1 ? 'field' : 'fields'}
          </summary>
          <ChangeList changes={item.changes} label={`Fields of ${item.key}`} className="mt-2" />
        </details>
      )}
    </li>
  )
}

/** What an import would change (or changed), by kind: counts, then each item with its field diffs. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const groups = groupImportItems(report.items)
  const applied = report.applied
  return (
    <section aria-label={applied ? 'Import result' : 'Preview'} className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex items-center gap-2 text-sm font-medium">
          {applied ? <CheckCircle2Icon aria-hidden className="size-4 text-success" /> : <EyeIcon aria-hidden className="size-4 text-muted-foreground" />}
          {applied ? 'Imported.' : hasChanges(report) ? 'Preview: nothing is changed until you apply.' : 'Preview: the bundle matches what Baton has.'}
        </p>
        <Counts report={report} />
      </div>
      {groups.map((group) => (
        <div key={group.kind} role="group" aria-labelledby={`import-${group.kind}`} className="overflow-hidden rounded-lg border">
          <h3 id={`import-${group.kind}`} className="flex items-center justify-between gap-2 border-b bg-muted/40 px-4 py-2 text-sm font-semibold">
            {group.label}
            <span className="text-xs font-normal text-muted-foreground tabular-nums">
              {[
                group.counts.create && `${group.counts.create} ${ACTION_LABEL.create}`,
                group.counts.update && `${group.counts.update} ${ACTION_LABEL.update}`,
                group.counts.delete && `${group.counts.delete} ${ACTION_LABEL.delete}`,
                group.counts.unchanged && `${group.counts.unchanged} ${ACTION_LABEL.unchanged}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </h3>
          {group.changed.length > 0 && (
            <ul className="divide-y">
              {group.changed.map((item) => (
                <ItemRow key={`${item.action}:${item.key}`} item={item} applied={applied} />
              ))}
            </ul>
          )}
          {group.unchanged.length > 0 && (
            <details className={cn('group px-4 py-2 text-sm', group.changed.length > 0 && 'border-t')}>
              <summary className="cursor-pointer rounded-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">
                {group.unchanged.length} unchanged
              </summary>
              <ul className="mt-2 flex flex-wrap gap-1.5">
                {group.unchanged.map((item) => (
                  <li key={item.key}>
                    <Badge variant="muted" className="font-normal">
                      {item.key}
                    </Badge>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ))}
    </section>
  )
}
