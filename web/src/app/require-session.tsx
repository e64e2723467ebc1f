import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'

import { FullPageLoader } from '@/components/layout/full-page-loader'
import { signInPathFor } from '@/features/auth/lib/next-path'
import { useSession } from '@/hooks/use-session'

/**
 * Gate of every page but /sign-in: a neutral loader while the session is restored, the page once
 * signed in, and the sign-in page (remembering where the user was) otherwise.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSession()
  const location = useLocation()
  if (state.status === 'restoring') return <FullPageLoader />
  if (state.status === 'signed-out') {
    // After "Sign out" the next person starts from a clean sign-in page, not from where this one was.
    const to = state.reason === 'signed-out' ? '/sign-in' : signInPathFor(`${location.pathname}${location.search}${location.hash}`)
    return <Navigate to={to} replace />
  }
  return children
}
