import type { ImportAction, ImportItem, ImportKind, ImportReport } from '../api/types'

export const KIND_LABELS: Record<ImportKind, string> = {
  global: 'Global configuration',
  project: 'Projects',
  project_config: 'Project configurations',
  plan: 'Plans',
  agent_config: 'Agent configurations',
  mcp_server: 'MCP servers',
  webhook: 'Webhooks',
}

const KIND_ORDER: ImportKind[] = ['global', 'project', 'project_config', 'plan', 'agent_config', 'mcp_server', 'webhook']
const ACTION_ORDER: ImportAction[] = ['create', 'update', 'delete', 'unchanged']

export type KindGroup = {
  kind: ImportKind
  label: string
  /** Created, updated and deleted items, in that order. */
  changed: ImportItem[]
  unchanged: ImportItem[]
  counts: Record<ImportAction, number>
}

/** The report's items by kind (in the bundle's order of kinds), changes first; kinds without items are left out. */
export function groupImportItems(items: readonly ImportItem[]): KindGroup[] {
  const groups: KindGroup[] = []
  const kinds = [...KIND_ORDER, ...new Set(items.map((item) => item.kind).filter((kind) => !KIND_ORDER.includes(kind)))]
  for (const kind of kinds) {
    const ofKind = items.filter((item) => item.kind === kind)
    if (ofKind.length === 0) continue
    const counts: Record<ImportAction, number> = { create: 0, update: 0, delete: 0, unchanged: 0 }
    for (const item of ofKind) counts[item.action] += 1
    const changed = ofKind
      .filter((item) => item.action !== 'unchanged')
      .sort((a, b) => ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action))
    groups.push({ kind, label: KIND_LABELS[kind] ?? kind, changed, unchanged: ofKind.filter((item) => item.action === 'unchanged'), counts })
  }
  return groups
}

/** Whether applying the report would change anything. */
export function hasChanges(report: Pick<ImportReport, 'summary'>): boolean {
  const { created, updated, deleted } = report.summary
  return created + updated + deleted > 0
}

/** "2 created, 1 updated, 1 deleted" (what changes); "nothing to change" when nothing does. */
export function summaryLine(report: Pick<ImportReport, 'summary'>): string {
  const { created, updated, deleted } = report.summary
  const parts = [
    created > 0 && `${created} created`,
    updated > 0 && `${updated} updated`,
    deleted > 0 && `${deleted} deleted`,
  ].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : 'nothing to change'
}

/** The summary line as a sentence's start: "2 created, 1 updated". */
export function summarySentence(report: Pick<ImportReport, 'summary'>): string {
  const line = summaryLine(report)
  return line.charAt(0).toUpperCase() + line.slice(1)
}
