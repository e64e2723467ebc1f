import { useCurrentUser } from '@/hooks/use-session'

/** Configuration, its versions and imports are changed by admins only; everyone else reads them. */
export function useCanEditConfig(): boolean {
  return useCurrentUser()?.role === 'admin'
}
