import type { ReactNode } from 'react'

import { ErrorState } from '@/components/error-state'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { formatCompact } from '@/lib/metric-format'
import { cn } from '@/lib/utils'

import { useSystemHealth } from '../api/get-system-health'
import type { SystemHealth } from '../api/types'
import { useHealthHistory } from '../hooks/use-health-history'
import { formatBytes, formatPercent, formatUptime, usedPercent, type HealthHistory } from '../lib/health'
import { Sparkline } from './sparkline'

/** Colour of a usage share: calm, then amber from 75%, red from 90%. */
function levelClass(percent: number | null) {
  if (percent === null) return 'text-muted-foreground'
  if (percent >= 90) return 'text-destructive'
  if (percent >= 75) return 'text-warning'
  return 'text-sky-600 dark:text-sky-400'
}

function Meter({ label, percent }: { label: string; percent: number | null }) {
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent === null ? undefined : Math.round(percent)}
      className="h-1.5 overflow-hidden rounded-full bg-muted"
    >
      <div
        className={cn('h-full rounded-full bg-current transition-[width] duration-500', levelClass(percent))}
        style={{ width: `${percent ?? 0}%` }}
      />
    </div>
  )
}

function Gauge({
  label,
  percent,
  detail,
  trend,
}: {
  label: string
  percent: number | null
  detail: ReactNode
  trend?: (number | null)[]
}) {
  return (
    <div className="grid gap-2 px-5 py-3.5" data-metric={label}>
      <div className="flex items-end justify-between gap-4">
        <div className="min-w-0">
          <p className="text-xs text-muted-foreground">{label}</p>
          <p className="text-xl font-semibold tracking-tight tabular-nums">{formatPercent(percent)}</p>
        </div>
        {/* A trend needs two samples; the first arrives with the page, the next within seconds. */}
        {trend && trend.filter((v) => v !== null).length > 1 && (
          <div className={cn('w-28 shrink-0', levelClass(percent))}>
            <Sparkline values={trend} />
          </div>
        )}
      </div>
      <Meter label={`${label} used`} percent={percent} />
      <p className="truncate text-xs text-muted-foreground tabular-nums">{detail}</p>
    </div>
  )
}

function Stat({ label, value, detail, warn }: { label: string; value: string; detail?: ReactNode; warn?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5">
        <span className="text-sm font-semibold tabular-nums">{value}</span>
        {detail && <span className={cn('ml-1.5 text-xs', warn ? 'text-warning' : 'text-muted-foreground')}>{detail}</span>}
      </dd>
    </div>
  )
}

function HealthBody({ health, history }: { health: SystemHealth; history: HealthHistory }) {
  const { host, database, realtime, queues } = health
  const memory = usedPercent(host.memory_total_bytes, host.memory_available_bytes)
  const disk = usedPercent(host.disk_total_bytes, host.disk_available_bytes)
  const load = host.load_average.map((n) => n.toFixed(2)).join(' ')
  return (
    <>
      <div className="divide-y">
        <Gauge
          label="CPU"
          percent={host.cpu_percent ?? null}
          detail={host.cpu_percent == null ? 'Measuring…' : `${host.cpus} cores · load ${load}`}
          trend={history.samples.map((s) => s.cpu)}
        />
        <Gauge
          label="Memory"
          percent={memory}
          detail={`${formatBytes(host.memory_total_bytes - host.memory_available_bytes)} of ${formatBytes(host.memory_total_bytes)}`}
          trend={history.samples.map((s) => s.memory)}
        />
        <Gauge
          label="Disk"
          percent={disk}
          detail={`${formatBytes(host.disk_available_bytes)} free of ${formatBytes(host.disk_total_bytes)}`}
        />
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 border-t px-5 py-4">
        <Stat label="Database" value={formatBytes(database.size_bytes)} detail={`WAL ${formatBytes(database.wal_bytes)}`} />
        <Stat
          label="Connected clients"
          value={String(realtime.clients)}
          detail={realtime.lagged_clients > 0 ? `${realtime.lagged_clients} lagging` : undefined}
          warn={realtime.lagged_clients > 0}
        />
        <Stat label="Executions running" value={String(queues.executions_running)} />
        <Stat label="Tasks running" value={String(queues.tasks_running)} detail={`${queues.tasks_waiting} waiting`} />
        <Stat label="Log queue" value={formatCompact(queues.log_entries)} detail="entries" />
        <Stat label="Baton memory" value={formatBytes(health.process.rss_bytes)} />
      </dl>
    </>
  )
}

function HealthSkeleton() {
  return (
    <div className="grid gap-5 px-5 py-4" aria-busy="true" aria-label="Loading system health">
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="grid gap-2">
          <Skeleton className="h-3 w-12" />
          <Skeleton className="h-6 w-16" />
          <Skeleton className="h-1.5 w-full" />
        </div>
      ))}
      <Skeleton className="h-24 w-full" />
    </div>
  )
}

/** The host Baton runs on and Baton itself, updated every few seconds. */
export function SystemHealthPanel({ className }: { className?: string }) {
  const query = useSystemHealth()
  const history = useHealthHistory(query.data)
  const health = query.data

  let body
  if (query.isPending) body = <HealthSkeleton />
  else if (query.isError)
    body = <ErrorState title="Could not load system health" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  else body = <HealthBody health={query.data} history={history} />

  return (
    <Card role="region" aria-labelledby="health-heading" className={cn('overflow-hidden', className)}>
      <div className="flex items-start justify-between gap-3 border-b px-5 py-3">
        <div className="min-w-0">
          <h2 id="health-heading" className="text-sm font-semibold">
            System health
          </h2>
          {health && (
            <p className="truncate text-xs text-muted-foreground tabular-nums">
              Baton {health.version} · up {formatUptime(health.uptime_s)}
            </p>
          )}
        </div>
        {health && (
          <Badge variant={health.status === 'ok' ? 'success' : 'warning'} className="shrink-0">
            {health.status === 'ok' ? 'Healthy' : health.status}
          </Badge>
        )}
      </div>
      {body}
    </Card>
  )
}
