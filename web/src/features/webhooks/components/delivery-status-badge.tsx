import { Badge } from '@/components/ui/badge'
import { cn } from '@/lib/utils'

import type { DeliveryStatus } from '../api/types'
import { DELIVERY_STATUS } from '../lib/delivery-status'

const TONE = {
  muted: '',
  success: '',
  warning: '',
  destructive: 'border-destructive/25 bg-destructive/10 text-destructive',
} as const

export function DeliveryStatusBadge({ status, className }: { status: DeliveryStatus; className?: string }) {
  const style = DELIVERY_STATUS[status] ?? { label: status, tone: 'muted' as const }
  const variant = style.tone === 'destructive' ? 'outline' : style.tone
  return (
    <Badge variant={variant} className={cn(TONE[style.tone], className)} data-status={status}>
      {style.label}
    </Badge>
  )
}
