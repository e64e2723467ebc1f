import { useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'

import { useSocketEvent, useSubscription } from '@/lib/realtime'

import { getActivityQueryOptions } from '../api/get-activity'
import { getAgentsStatusQueryOptions } from '@/lib/agents-status'
import { getExecutionMetricsQueryOptions } from '../api/get-execution-metrics'
import { getSystemHealthQueryOptions } from '../api/get-system-health'
import type { ActivityPage } from '../api/types'
import { upsertAgentStatus } from '../lib/agents'
import { prependActivity } from '../lib/activity'

/** Executions often end in bursts (a plan's last tasks); re-read the charts once the burst is over. */
export const METRICS_REFRESH_DEBOUNCE_MS = 1500

/**
 * Keeps the dashboard's queries current from the `global` room: agent states and health replace
 * what is cached, activity goes in front of the feed, and ended executions refresh the charts.
 * (After a reconnect or a lag the RealtimeProvider has every query read again.)
 */
export function useDashboardLive() {
  const queryClient = useQueryClient()
  useSubscription({ kind: 'global' })

  useSocketEvent('agent:status', ({ seq: _seq, at: _at, ...status }) => {
    queryClient.setQueryData(getAgentsStatusQueryOptions().queryKey, (list) => upsertAgentStatus(list, status))
  })

  useSocketEvent('system:health', ({ health }) => {
    // The same JSON as GET /api/system/health (the event's type in lib/realtime is written by hand).
    queryClient.setQueryData(getSystemHealthQueryOptions().queryKey, health)
  })

  useSocketEvent('activity', ({ item }) => {
    queryClient.setQueryData<InfiniteData<ActivityPage>>(getActivityQueryOptions().queryKey, (data) =>
      prependActivity(data, item),
    )
  })

  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const refreshMetrics = () => {
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: getExecutionMetricsQueryOptions().queryKey }),
      METRICS_REFRESH_DEBOUNCE_MS,
    )
  }
  useSocketEvent('execution:completed', refreshMetrics)
  useSocketEvent('execution:failed', refreshMetrics)
  useSocketEvent('execution:cancelled', refreshMetrics)
}
