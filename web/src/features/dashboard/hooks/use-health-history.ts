import { useEffect, useSyncExternalStore } from 'react'

import type { SystemHealth } from '../api/types'
import { addHealthSample, EMPTY_HISTORY, type HealthHistory } from '../lib/health'

// The last minutes of CPU and memory, for the sparklines. Only the browser keeps them (the server
// sends one sample at a time), in this module, so they survive leaving the dashboard and coming back.
let history: HealthHistory = EMPTY_HISTORY
const listeners = new Set<() => void>()

function add(health: SystemHealth) {
  const next = addHealthSample(history, health)
  if (next === history) return
  history = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

const getHistory = () => history

/** Records every sample the health query holds (the first answer, then each `system:health` event). */
export function useHealthHistory(latest: SystemHealth | undefined): HealthHistory {
  useEffect(() => {
    if (latest) add(latest)
  }, [latest])
  return useSyncExternalStore(subscribe, getHistory, getHistory)
}
