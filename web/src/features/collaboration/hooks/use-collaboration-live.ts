import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'

import { useSocketEvent, useSubscription } from '@/lib/realtime'

import { getCollaborationQueryOptions } from '../api/get-collaboration'

/** Plans start in bursts (a scheduler, a script): count again once the burst is over. */
const REFRESH_DEBOUNCE_MS = 1500

/**
 * A started plan brings its dependencies into the range: re-read the graph when an execution starts
 * or ends. (After a reconnect the RealtimeProvider has every query read again.)
 */
export function useCollaborationLive() {
  const queryClient = useQueryClient()
  useSubscription({ kind: 'global' })

  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const refresh = () => {
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: getCollaborationQueryOptions().queryKey }),
      REFRESH_DEBOUNCE_MS,
    )
  }
  useSocketEvent('execution:started', refresh)
  useSocketEvent('execution:completed', refresh)
  useSocketEvent('execution:failed', refresh)
  useSocketEvent('execution:cancelled', refresh)
}
