import { ChevronRightIcon, InboxIcon, Loader2Icon, RotateCcwIcon } from 'lucide-react'
import { toast } from 'sonner'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { LoadMoreButton } from '@/components/load-more-button'
import { RelativeTime } from '@/components/relative-time'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { formatJson } from '@/lib/json'

import { useDeliveries, useRedeliver } from '../api/deliveries'
import type { Delivery } from '../api/types'
import { formatDuration, willRetry } from '../lib/delivery-status'
import { DeliveryStatusBadge } from './delivery-status-badge'

/** The webhook's deliveries, newest first; each opens on its attempts. */
export function DeliveryLog({ webhookId, canRedeliver }: { webhookId: string; canRedeliver: boolean }) {
  const query = useDeliveries(webhookId)
  if (query.isPending)
    return (
      <div aria-busy="true" aria-label="Loading deliveries" className="grid gap-2">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    )
  if (query.isError)
    return <ErrorState title="Could not load deliveries" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  const deliveries = query.data.pages.flatMap((page) => page.deliveries)
  if (deliveries.length === 0)
    return (
      <EmptyState
        className="py-8"
        icon={<InboxIcon />}
        title="No deliveries yet"
        description="They appear here when a matching event happens. “Send test event” sends one now."
      />
    )
  return (
    <div className="overflow-hidden rounded-md border">
      <ul aria-label="Deliveries" className="divide-y">
        {deliveries.map((delivery) => (
          <DeliveryRow key={delivery.id} webhookId={webhookId} delivery={delivery} canRedeliver={canRedeliver} />
        ))}
      </ul>
      <LoadMoreButton query={query} label="Older deliveries" />
    </div>
  )
}

function DeliveryRow({ webhookId, delivery, canRedeliver }: { webhookId: string; delivery: Delivery; canRedeliver: boolean }) {
  const redeliver = useRedeliver()
  const resend = () =>
    redeliver.mutate(
      { webhookId, deliveryId: delivery.id },
      {
        onSuccess: () => toast.success('Delivery queued again'),
        onError: (error) => toast.error('Could not redeliver', { description: error.message }),
      },
    )
  return (
    <li className="px-3 py-2" data-delivery={delivery.id}>
      <details className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded-sm text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 [&::-webkit-details-marker]:hidden">
          <ChevronRightIcon aria-hidden className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90" />
          <code className="font-mono text-xs font-medium">{delivery.event}</code>
          <DeliveryStatusBadge status={delivery.status} />
          {delivery.last_status_code != null && <span className="text-xs text-muted-foreground tabular-nums">HTTP {delivery.last_status_code}</span>}
          <span className="text-xs text-muted-foreground">
            {delivery.attempts === 1 ? '1 attempt' : `${delivery.attempts} attempts`}
          </span>
          {willRetry(delivery) && delivery.next_attempt_at && (
            <span className="text-xs text-muted-foreground">
              next <RelativeTime value={delivery.next_attempt_at} />
            </span>
          )}
          <span className="ml-auto text-xs text-muted-foreground">
            <RelativeTime value={delivery.created_at} />
          </span>
        </summary>
        <div className="mt-2 ml-6 grid gap-3">
          {delivery.last_error && <p className="text-xs text-destructive">{delivery.last_error}</p>}
          <AttemptsTable delivery={delivery} />
          {delivery.payload !== undefined && (
            <details>
              <summary className="w-fit cursor-pointer rounded-sm text-xs font-medium text-muted-foreground outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
                Payload
              </summary>
              <pre className="mt-1 max-h-60 overflow-auto rounded bg-muted px-2 py-1.5 font-mono text-xs">{formatJson(delivery.payload)}</pre>
            </details>
          )}
          {canRedeliver && (
            <div>
              <Button variant="outline" size="sm" onClick={resend} disabled={redeliver.isPending}>
                {redeliver.isPending ? <Loader2Icon className="animate-spin" /> : <RotateCcwIcon />}
                Redeliver
              </Button>
            </div>
          )}
        </div>
      </details>
    </li>
  )
}

function AttemptsTable({ delivery }: { delivery: Delivery }) {
  const attempts = delivery.attempts_log ?? []
  if (attempts.length === 0) return <p className="text-xs text-muted-foreground">Not attempted yet.</p>
  return (
    <table aria-label="Attempts" className="w-full table-fixed text-xs">
      <thead className="text-left text-muted-foreground">
        <tr>
          <th className="w-28 pb-1 font-medium">Time</th>
          <th className="w-16 pb-1 font-medium">Status</th>
          <th className="w-20 pb-1 font-medium">Duration</th>
          <th className="pb-1 font-medium">Error or response</th>
        </tr>
      </thead>
      <tbody className="align-top">
        {attempts.map((attempt, index) => (
          <tr key={`${attempt.at}-${index}`} className="border-t">
            <td className="py-1 text-muted-foreground">
              <RelativeTime value={attempt.at} />
            </td>
            <td className="py-1 tabular-nums">{attempt.status_code ?? '—'}</td>
            <td className="py-1 tabular-nums">{formatDuration(attempt.duration_ms)}</td>
            <td className="py-1">
              {attempt.error && <p className="text-destructive">{attempt.error}</p>}
              {attempt.response_excerpt && (
                <pre className="max-h-24 overflow-auto font-mono whitespace-pre-wrap break-all text-muted-foreground">{attempt.response_excerpt}</pre>
              )}
              {!attempt.error && !attempt.response_excerpt && <span className="text-muted-foreground">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
