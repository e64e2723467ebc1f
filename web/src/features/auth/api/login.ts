import { useMutation } from '@tanstack/react-query'

import type { components } from '@/lib/api/schema.gen'
import { api, unwrap } from '@/lib/api-client'
import { session } from '@/lib/session'

export type LoginBody = components['schemas']['LoginRequest']

/** Signs in; the server also sets the refresh cookie, and the access token goes to the session (memory only). */
export async function login(body: LoginBody) {
  const result = await unwrap(api.POST('/api/auth/login', { body }))
  session.start(result)
  return result
}

export function useLogin() {
  return useMutation({ mutationFn: login })
}
