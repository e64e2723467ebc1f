import { LogOutIcon, SettingsIcon } from 'lucide-react'
import { Link } from 'react-router'
import { toast } from 'sonner'

import { RoleBadge } from '@/components/role-badge'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { useCurrentUser } from '@/hooks/use-session'

import { useLogout } from '../api/logout'

/** The signed-in user's initial in the header; opens their name, role, settings and sign out. */
export function UserMenu() {
  const user = useCurrentUser()
  const logout = useLogout()
  if (!user) return null
  const initial = user.username.trim().charAt(0).toUpperCase() || '?'

  // The session guard sends the user to /sign-in once the session has ended in this tab.
  const signOut = () =>
    logout.mutate(undefined, {
      onError: (error) => toast.error('Signed out here, but the server did not confirm it', { description: error.message }),
    })

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Account menu for ${user.username}`} className="rounded-full">
          <span
            aria-hidden
            className="flex size-7 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground"
          >
            {initial}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-56">
        <DropdownMenuLabel className="flex items-center justify-between gap-3 py-2 font-normal">
          <span className="grid min-w-0">
            <span className="text-xs text-muted-foreground">Signed in as</span>
            <span className="truncate text-sm font-medium text-foreground">{user.username}</span>
          </span>
          <RoleBadge role={user.role} />
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/settings">
            <SettingsIcon />
            Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={signOut} disabled={logout.isPending}>
          <LogOutIcon />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
