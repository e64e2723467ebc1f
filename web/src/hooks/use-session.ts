import { useSyncExternalStore } from 'react'

import { session, type SessionState } from '@/lib/session'

/** The session of this tab: restoring, signed in (with the user) or signed out. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState)
}

/** The signed-in user, or null while restoring or signed out. */
export function useCurrentUser() {
  const state = useSession()
  return state.status === 'signed-in' ? state.user : null
}
