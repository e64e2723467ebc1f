import { Sparkline } from '@/components/charts/sparkline'
import { Skeleton } from '@/components/ui/skeleton'

import { useMcpHistory } from '../api/get-mcp-history'
import type { McpServerRef } from '../api/types'
import { historyPoints, historySummary } from '../lib/checks'

/** Latency of the server's recent checks, failures marked in red. */
export function HistorySparkline({ server, width, height }: { server: McpServerRef; width?: number; height?: number }) {
  const query = useMcpHistory(server)
  if (query.isPending) return <Skeleton className="h-6 w-28" aria-label="Loading history" />
  if (query.isError) return <span className="text-xs text-muted-foreground">No history</span>
  const checks = query.data.checks
  if (checks.length === 0) return <span className="text-xs text-muted-foreground">Not checked yet</span>
  return (
    <Sparkline
      data={historyPoints(checks)}
      label={`Status history of ${server.name}: ${historySummary(checks)}`}
      width={width}
      height={height}
    />
  )
}
