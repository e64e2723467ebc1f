import { useEffect, useState } from 'react'

import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'

import type { RealtimeStatus } from './hub'
import { useRealtimeStatus } from './realtime-context'

/** A blip shorter than this (a server restart, a network hiccup) does not turn the dot amber. */
const SETTLE_MS = 1500

const LOOK: Record<RealtimeStatus, { label: string; dot: string }> = {
  connected: { label: 'Live', dot: 'bg-success' },
  connecting: { label: 'Connecting…', dot: 'bg-muted-foreground/50' },
  disconnected: { label: 'Reconnecting…', dot: 'bg-warning' },
}

/** The status shown: a disconnect only after it lasted a moment, everything else at once. */
function useSettledStatus(): RealtimeStatus {
  const status = useRealtimeStatus()
  const [settled, setSettled] = useState<RealtimeStatus>(status === 'disconnected' ? 'connecting' : status)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(status), status === 'disconnected' ? SETTLE_MS : 0)
    return () => window.clearTimeout(timer)
  }, [status])
  return settled
}

/** A small dot in the header: green while live updates flow, amber while reconnecting. */
export function RealtimeIndicator() {
  const status = useSettledStatus()
  const look = LOOK[status]
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span
          role="status"
          aria-label={look.label}
          tabIndex={0}
          data-status={status}
          className="flex size-8 items-center justify-center rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <span aria-hidden className="relative flex size-2">
            {status === 'disconnected' && (
              <span className={cn('absolute inline-flex size-full animate-ping rounded-full opacity-60', look.dot)} />
            )}
            <span className={cn('relative inline-flex size-2 rounded-full transition-colors duration-300', look.dot)} />
          </span>
        </span>
      </TooltipTrigger>
      <TooltipContent>{look.label}</TooltipContent>
    </Tooltip>
  )
}
