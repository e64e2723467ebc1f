import { useCurrentUser } from '@/hooks/use-session'

/**
 * What the signed-in user may do here, mirroring the server: everyone reads; operators run checks
 * and restarts; admins add, edit and delete Baton's own servers.
 */
export function useMcpPermissions() {
  const role = useCurrentUser()?.role
  return { check: role === 'operator' || role === 'admin', manage: role === 'admin' }
}
