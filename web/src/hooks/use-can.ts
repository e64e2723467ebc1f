import { useCurrentUser } from '@/hooks/use-session'
import { can, type Permission } from '@/lib/permissions'

/** Whether the signed-in user may do this; hides controls the server would refuse with 403. */
export function useCan(permission: Permission): boolean {
  return can(useCurrentUser()?.role, permission)
}
