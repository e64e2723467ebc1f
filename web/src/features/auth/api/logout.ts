import { useMutation } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'
import { session } from '@/lib/session'

/**
 * Ends the session on the server (which clears the refresh cookie), then in this tab. The tab
 * forgets the session even when the server cannot be reached: signing out must always work here.
 */
export async function logout() {
  try {
    await unwrap(api.POST('/api/auth/logout'))
  } finally {
    session.end('signed-out')
  }
}

export function useLogout() {
  return useMutation({ mutationFn: logout })
}
