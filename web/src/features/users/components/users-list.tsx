import { PlusIcon, UsersIcon } from 'lucide-react'
import type { ReactNode } from 'react'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { RelativeTime } from '@/components/relative-time'
import { RoleBadge } from '@/components/role-badge'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { useCurrentUser } from '@/hooks/use-session'

import { useUsers } from '../api/get-users'
import type { User } from '../api/types'
import { UserActionsMenu } from './user-actions-menu'

function Columns() {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        <TableHead>Username</TableHead>
        <TableHead className="w-28">Role</TableHead>
        <TableHead className="w-28">Status</TableHead>
        <TableHead className="hidden w-36 sm:table-cell">Created</TableHead>
        <TableHead className="w-12">
          <span className="sr-only">Actions</span>
        </TableHead>
      </TableRow>
    </TableHeader>
  )
}

export function UsersList({ onAdd }: { onAdd: () => void }) {
  const query = useUsers()
  let body: ReactNode
  if (query.isPending) body = <UsersTableSkeleton />
  else if (query.isError)
    body = <ErrorState title="Could not load users" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  else if (query.data.length === 0)
    body = (
      <EmptyState
        icon={<UsersIcon />}
        title="No users"
        description="Add the people who should use Baton."
        action={
          <Button onClick={onAdd}>
            <PlusIcon />
            Add user
          </Button>
        }
      />
    )
  else body = <UsersTable users={query.data} />
  return <Card className="overflow-hidden">{body}</Card>
}

function UsersTable({ users }: { users: User[] }) {
  const me = useCurrentUser()
  return (
    <Table aria-label="Users" className="table-fixed">
      <Columns />
      <TableBody>
        {users.map((user) => (
          <TableRow key={user.id}>
            <TableCell className="max-w-0">
              <span className="block truncate font-medium" title={user.username}>
                {user.username}
                {me?.id === user.id && <span className="ml-1.5 font-normal text-muted-foreground">(you)</span>}
              </span>
            </TableCell>
            <TableCell>
              <RoleBadge role={user.role} />
            </TableCell>
            <TableCell>
              {user.disabled ? <Badge variant="muted">Disabled</Badge> : <Badge variant="success">Active</Badge>}
            </TableCell>
            <TableCell className="hidden text-muted-foreground sm:table-cell">
              <RelativeTime value={user.created_at} />
            </TableCell>
            <TableCell className="text-right">
              <UserActionsMenu user={user} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

function UsersTableSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <Table aria-label="Loading users" aria-busy="true" className="table-fixed">
      <Columns />
      <TableBody>
        {Array.from({ length: rows }, (_, index) => (
          <TableRow key={index} className="hover:bg-transparent">
            <TableCell>
              <Skeleton className="h-4 w-32" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-5 w-16 rounded-full" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-5 w-14 rounded-full" />
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <Skeleton className="h-3.5 w-20" />
            </TableCell>
            <TableCell>
              <Skeleton className="ml-auto size-6" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
