import type { Delivery, DeliveryStatus } from '../api/types'

export const DELIVERY_STATUS: Record<DeliveryStatus, { label: string; tone: 'muted' | 'success' | 'warning' | 'destructive' }> = {
  pending: { label: 'Pending', tone: 'muted' },
  delivered: { label: 'Delivered', tone: 'success' },
  failed: { label: 'Failed, retrying', tone: 'warning' },
  dead: { label: 'Dead', tone: 'destructive' },
}

export function deliveryStatusLabel(status: DeliveryStatus | string): string {
  return DELIVERY_STATUS[status as DeliveryStatus]?.label ?? status
}

/** One line on where a delivery stands: "Delivered (200)", "Failed, retrying (503): 2 attempts". */
export function deliverySummary(delivery: Pick<Delivery, 'status' | 'attempts' | 'last_status_code'>): string {
  const label = deliveryStatusLabel(delivery.status)
  const code = delivery.last_status_code != null ? ` (${delivery.last_status_code})` : ''
  const attempts = delivery.attempts === 1 ? '1 attempt' : `${delivery.attempts} attempts`
  return delivery.status === 'pending' && delivery.attempts === 0 ? label : `${label}${code} after ${attempts}`
}

/** Whether the delivery will be tried again by itself. */
export function willRetry(delivery: Pick<Delivery, 'status' | 'next_attempt_at'>): boolean {
  return (delivery.status === 'failed' || delivery.status === 'pending') && Boolean(delivery.next_attempt_at)
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** Every 3 s while a delivery is pending, every 15 s while one waits for a retry, else never. */
export function pollInterval(statuses: readonly (string | undefined)[] | undefined): number | false {
  if (statuses?.includes('pending')) return 3000
  if (statuses?.includes('failed')) return 15_000
  return false
}
