import { createContext, useContext, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react'

import { topicKey, type ServerEventName, type ServerEvents, type Topic } from './events'
import type { RealtimeHub, RealtimeStatus, ResyncReason } from './hub'

export const RealtimeContext = createContext<RealtimeHub | null>(null)

/** The hub of the nearest RealtimeProvider. */
export function useRealtimeHub(): RealtimeHub {
  const hub = useContext(RealtimeContext)
  if (!hub) throw new Error('useRealtimeHub must be used inside <RealtimeProvider>')
  return hub
}

/** The socket's state: `connecting` (first time), `connected`, or `disconnected` (trying again). */
export function useRealtimeStatus(): RealtimeStatus {
  const hub = useRealtimeHub()
  return useSyncExternalStore(hub.onStatus, hub.getStatus, hub.getStatus)
}

/**
 * Keeps the page in a room while the component is mounted (joined again after a reconnect).
 * Returns whether the server has confirmed it on the current connection. `null` joins nothing.
 */
export function useSubscription(topic: Topic | null): boolean {
  const hub = useRealtimeHub()
  // Callers pass a new object on every render: the effect depends on what it says, not on its identity.
  const serialized = topic ? serializeTopic(topic) : null
  const key = topic ? topicKey(topic) : null
  useEffect(() => {
    if (serialized === null) return
    return hub.subscribe(JSON.parse(serialized) as Topic)
  }, [hub, serialized])

  const isJoined = () => (key !== null ? hub.isJoined(key) : false)
  return useSyncExternalStore(
    (notify) => {
      const offJoined = hub.onJoined(notify)
      const offStatus = hub.onStatus(notify)
      return () => {
        offJoined()
        offStatus()
      }
    },
    isJoined,
    isJoined,
  )
}

function serializeTopic(topic: Topic): string {
  switch (topic.kind) {
    case 'logs':
      return JSON.stringify({ kind: topic.kind, executionId: topic.executionId, ...(topic.taskId ? { taskId: topic.taskId } : {}) })
    default:
      return JSON.stringify(topic)
  }
}

/** Keeps the latest value in a ref, so effects can call it without re-running when it changes. */
function useLatest<T>(value: T) {
  const ref = useRef(value)
  useLayoutEffect(() => {
    ref.current = value
  })
  return ref
}

/** Calls `handler` with every `event` the socket receives; the handler may change between renders. */
export function useSocketEvent<E extends ServerEventName>(event: E, handler: (payload: ServerEvents[E]) => void) {
  const hub = useRealtimeHub()
  const latest = useLatest(handler)
  useEffect(() => hub.on(event, (payload) => latest.current(payload)), [hub, event, latest])
}

/**
 * Calls `callback` whenever events may have been missed (a reconnect, a restarted server, or a
 * `lagged`): re-read from REST what the component shows.
 */
export function useOnResync(callback: (reason: ResyncReason) => void) {
  const hub = useRealtimeHub()
  const latest = useLatest(callback)
  useEffect(() => hub.onResync((reason) => latest.current(reason)), [hub, latest])
}
