import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'

import { useSocketEvent, useSubscription } from '@/lib/realtime'

import { getAgentQueryOptions } from '../api/get-agent'
import { getAgentMetricsQueryOptions } from '../api/get-agent-metrics'
import { getAgentsQueryOptions } from '../api/get-agents'
import type { AgentDetail, AgentList, AgentsParams } from '../api/types'
import { listMayMissAgent, patchAgentDetail, patchAgentList } from '../lib/live-cache'

/** Attempts often end in bursts (a plan's parallel tasks); re-read the numbers once the burst is over. */
export const STATS_REFRESH_DEBOUNCE_MS = 1500

/**
 * Keeps the agents pages current from the `global` room: `agent:status` patches the cached cards
 * and pages, `agent:catalog` (files added, changed, deleted) has them read again, and
 * `agent:metrics` (an attempt ended) refreshes the numbers. After a reconnect or a lag the
 * RealtimeProvider has every query read again.
 */
export function useLiveAgents() {
  const queryClient = useQueryClient()
  useSubscription({ kind: 'global' })
  const listKey = getAgentsQueryOptions().queryKey

  useSocketEvent('agent:status', ({ seq: _seq, at: _at, ...update }) => {
    let missing = false
    for (const [queryKey, list] of queryClient.getQueriesData<AgentList>({ queryKey: listKey })) {
      if (!list) continue
      const params = (queryKey[2] ?? {}) as AgentsParams
      queryClient.setQueryData(queryKey, patchAgentList(list, update, params))
      missing ||= listMayMissAgent(list, update, params)
    }
    if (missing) void queryClient.invalidateQueries({ queryKey: listKey })
    queryClient.setQueryData<AgentDetail>(getAgentQueryOptions(update.agent).queryKey, (detail) =>
      detail ? patchAgentDetail(detail, update) : detail,
    )
  })

  useSocketEvent('agent:catalog', ({ changed, removed }) => {
    void queryClient.invalidateQueries({ queryKey: listKey })
    // A removed agent's page reads again and learns it is gone (404).
    for (const name of [...changed, ...removed]) {
      void queryClient.invalidateQueries({ queryKey: getAgentQueryOptions(name).queryKey })
    }
  })

  const pending = useRef(new Set<string>())
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  useSocketEvent('agent:metrics', ({ agent }) => {
    pending.current.add(agent)
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => {
      const names = [...pending.current]
      pending.current.clear()
      void queryClient.invalidateQueries({ queryKey: listKey })
      for (const name of names) {
        void queryClient.invalidateQueries({ queryKey: getAgentQueryOptions(name).queryKey })
        void queryClient.invalidateQueries({ queryKey: getAgentMetricsQueryOptions(name).queryKey })
      }
    }, STATS_REFRESH_DEBOUNCE_MS)
  })
}
