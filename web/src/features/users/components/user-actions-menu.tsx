import { KeyRoundIcon, MoreHorizontalIcon, ShieldIcon, UserCheckIcon, UserXIcon } from 'lucide-react'
import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'

import type { User } from '../api/types'
import { ChangeRoleDialog } from './change-role-dialog'
import { ResetPasswordDialog } from './reset-password-dialog'
import { SetUserDisabledDialog } from './set-user-disabled-dialog'

type Which = 'role' | 'password' | 'disabled'

export function UserActionsMenu({ user }: { user: User }) {
  const [dialog, setDialog] = useState<Which | null>(null)
  const setOpen = (which: Which) => (open: boolean) => setDialog(open ? which : null)
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${user.username}`}>
            <MoreHorizontalIcon />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="min-w-44">
          <DropdownMenuItem onSelect={() => setDialog('role')}>
            <ShieldIcon />
            Change role
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setDialog('password')}>
            <KeyRoundIcon />
            Reset password
          </DropdownMenuItem>
          {user.disabled ? (
            <DropdownMenuItem onSelect={() => setDialog('disabled')}>
              <UserCheckIcon />
              Enable
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem variant="destructive" onSelect={() => setDialog('disabled')}>
              <UserXIcon />
              Disable
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <ChangeRoleDialog user={user} open={dialog === 'role'} onOpenChange={setOpen('role')} />
      <ResetPasswordDialog user={user} open={dialog === 'password'} onOpenChange={setOpen('password')} />
      <SetUserDisabledDialog user={user} open={dialog === 'disabled'} onOpenChange={setOpen('disabled')} />
    </>
  )
}
