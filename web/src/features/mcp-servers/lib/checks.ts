import type { SparkPoint } from '@/components/charts/lib/sparkline'
import { formatDateTime } from '@/lib/format'

import type { McpCheckError, McpCheckResult, McpFailureKind, McpScope, McpServer } from '../api/types'

/** How a person reads each kind of failure (the server's message says the rest). */
export const FAILURE_LABELS: Record<McpFailureKind, string> = {
  not_found: 'Not found',
  exited: 'Exited',
  timeout: 'Timed out',
  protocol: 'Protocol error',
  http: 'HTTP error',
  refused: 'Connection refused',
}

export function failureLabel(error: McpCheckError): string {
  const label = FAILURE_LABELS[error.kind] ?? 'Failed'
  if (error.kind === 'exited' && error.exit_code != null) return `${label} (code ${error.exit_code})`
  if (error.kind === 'http' && error.http_status != null) return `${label} (${error.http_status})`
  return label
}

/**
 * History (newest first, as the API lists it) as sparkline points, oldest first: the latency of
 * each good check, and a mark for each failed one.
 */
export function historyPoints(checks: readonly McpCheckResult[]): SparkPoint[] {
  return [...checks].reverse().map((check) => {
    const when = formatDateTime(check.checked_at)
    if (check.ok) return { value: Math.max(0, check.latency_ms), label: `${when}: ok in ${formatLatency(check.latency_ms)}` }
    const why = check.error ? failureLabel(check.error) : 'down'
    return { value: null, label: `${when}: ${why.toLowerCase()}` }
  })
}

/** Counts for the sparkline's accessible name: "12 checks, 2 failed". */
export function historySummary(checks: readonly McpCheckResult[]): string {
  const failed = checks.filter((c) => !c.ok).length
  const noun = checks.length === 1 ? 'check' : 'checks'
  return failed === 0 ? `${checks.length} ${noun}, all ok` : `${checks.length} ${noun}, ${failed} failed`
}

export function formatLatency(ms: number | null | undefined): string {
  if (ms == null) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

export const SCOPE_LABELS: Record<McpScope, string> = {
  user: 'User',
  local: 'Local',
  project: 'Project',
  baton: 'Baton',
}

/** Where a discovered server's configuration lives, to say why it cannot be edited here. */
export function scopeSource(scope: McpScope): string {
  switch (scope) {
    case 'user':
      return 'the top-level “mcpServers” of ~/.claude.json'
    case 'local':
      return 'this project’s entry in ~/.claude.json'
    case 'project':
      return 'the project’s .mcp.json'
    case 'baton':
      return 'Baton'
  }
}

/** Servers are told apart by scope and project: the same name may come from several places. */
export function serverKey(server: Pick<McpServer, 'scope' | 'project_id' | 'name'>) {
  return `${server.scope}:${server.project_id ?? ''}:${server.name}`
}
