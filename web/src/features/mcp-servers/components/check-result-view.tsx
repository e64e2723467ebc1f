import { AlertTriangleIcon, CheckCircle2Icon } from 'lucide-react'

import { RelativeTime } from '@/components/relative-time'

import type { McpCheckResult } from '../api/types'
import { failureLabel, formatLatency } from '../lib/checks'

/** What one check found: the server's name, version and tools, or why it failed. */
export function CheckResultView({ check }: { check: McpCheckResult }) {
  if (!check.ok) {
    const error = check.error
    return (
      <div role="status" className="grid gap-2 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm">
        <p className="flex items-center gap-2 font-medium text-destructive">
          <AlertTriangleIcon aria-hidden className="size-4 shrink-0" />
          {error ? failureLabel(error) : 'Down'}
          <span className="ml-auto text-xs font-normal text-muted-foreground">
            <RelativeTime value={check.checked_at} />
            {check.latency_ms > 0 && ` · after ${formatLatency(check.latency_ms)}`}
          </span>
        </p>
        {error?.message && <p className="text-foreground/90">{error.message}</p>}
        {error?.stderr && (
          <div className="grid gap-1">
            <span className="text-xs font-medium text-muted-foreground">Its stderr</span>
            <pre className="max-h-40 overflow-auto rounded bg-muted px-2 py-1.5 font-mono text-xs whitespace-pre-wrap">{error.stderr}</pre>
          </div>
        )}
      </div>
    )
  }
  const facts: [string, string][] = [
    ['Server', [check.server_name, check.server_version].filter(Boolean).join(' ') || '—'],
    ['Protocol', check.protocol_version ?? '—'],
    ['Latency', formatLatency(check.latency_ms)],
    ['Tools', check.tool_count != null ? String(check.tool_count) : '—'],
  ]
  return (
    <div role="status" className="grid gap-2 rounded-md border border-success/30 bg-success-soft/50 px-3 py-2.5 text-sm">
      <p className="flex items-center gap-2 font-medium text-success">
        <CheckCircle2Icon aria-hidden className="size-4 shrink-0" />
        OK
        <span className="ml-auto text-xs font-normal text-muted-foreground">
          <RelativeTime value={check.checked_at} />
        </span>
      </p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-[2fr_1fr_1fr_1fr]">
        {facts.map(([term, value]) => (
          <div key={term} className="min-w-0">
            <dt className="text-xs text-muted-foreground">{term}</dt>
            <dd className="truncate font-medium tabular-nums" title={value}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
