import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import { io } from 'socket.io-client'

import { session } from '@/lib/session'

import { createRealtimeHub, type RealtimeSocket, type SocketFactory } from './hub'
import { RealtimeContext } from './realtime-context'

/** Same origin, default path: the server serves socket.io next to the API. */
const createSocket: SocketFactory = (auth) =>
  io({
    auth,
    // WebSocket straight away; long-polling only where WebSockets cannot get through.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
  }) as unknown as RealtimeSocket

/**
 * The live connection of the signed-in session: one socket while someone is signed in (a new one
 * for a new user, none after sign-out), in the `global` room for every lifecycle event. When events
 * may have been missed, every active query is fetched again.
 *
 * Mount inside the QueryClientProvider. Children render in every session state; hooks work
 * without a socket (they just receive nothing).
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [hub] = useState(() => createRealtimeHub())
  const queryClient = useQueryClient()
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState)
  const userId = state.status === 'signed-in' ? state.user.id : null

  useEffect(() => {
    if (userId === null) return
    hub.start(createSocket, session)
    const releaseGlobal = hub.subscribe({ kind: 'global' })
    return () => {
      hub.stop()
      releaseGlobal()
    }
  }, [hub, userId])

  useEffect(() => hub.onResync(() => void queryClient.invalidateQueries()), [hub, queryClient])

  return <RealtimeContext value={hub}>{children}</RealtimeContext>
}
