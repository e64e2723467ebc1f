import { useCurrentUser } from '@/hooks/use-session'

/**
 * What the signed-in user may do here, mirroring the server: everyone reads; operators send test
 * events and redeliver; admins create, edit, rotate and delete.
 */
export function useWebhookPermissions() {
  const role = useCurrentUser()?.role
  return { deliver: role === 'operator' || role === 'admin', manage: role === 'admin' }
}
