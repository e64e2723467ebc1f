import type { QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'

import { session, SESSION_HINT_KEY } from '@/lib/session'

/**
 * Restores the session once on load, drops every cached response when the session ends (the next
 * user must not see the previous one's data), and follows a sign-out in another tab.
 */
export function useSessionLifecycle(queryClient: QueryClient) {
  useEffect(() => {
    void session.restore()
    let wasSignedIn = session.getState().status === 'signed-in'
    const unsubscribe = session.subscribe(() => {
      const { status } = session.getState()
      if (status === 'signed-out' && wasSignedIn) queryClient.clear()
      wasSignedIn = status === 'signed-in'
    })
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_HINT_KEY && event.newValue === null && session.getState().status === 'signed-in') {
        session.end('signed-out')
      }
    }
    window.addEventListener('storage', onStorage)
    return () => {
      unsubscribe()
      window.removeEventListener('storage', onStorage)
    }
  }, [queryClient])
}
