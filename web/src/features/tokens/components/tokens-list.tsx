import { KeyRoundIcon, PlusIcon } from 'lucide-react'
import { useState, type ReactNode } from 'react'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { RelativeTime } from '@/components/relative-time'
import { RoleBadge } from '@/components/role-badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'

import { useTokens } from '../api/get-tokens'
import type { ApiToken } from '../api/types'
import { RevokeTokenDialog } from './revoke-token-dialog'

function Columns() {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        <TableHead>Name</TableHead>
        <TableHead className="w-24">Role</TableHead>
        <TableHead className="w-32">Prefix</TableHead>
        <TableHead className="hidden w-28 md:table-cell">Created by</TableHead>
        <TableHead className="hidden w-32 sm:table-cell">Created</TableHead>
        <TableHead className="hidden w-32 sm:table-cell">Last used</TableHead>
        <TableHead className="w-24">
          <span className="sr-only">Actions</span>
        </TableHead>
      </TableRow>
    </TableHeader>
  )
}

export function TokensList({ onCreate }: { onCreate: () => void }) {
  const query = useTokens()
  // Held here, not in the table: revoking the last token empties the list and unmounts the table,
  // and the dialog must stay to report the result.
  const [revoking, setRevoking] = useState<ApiToken | null>(null)
  let body: ReactNode
  if (query.isPending) body = <TokensTableSkeleton />
  else if (query.isError)
    body = <ErrorState title="Could not load API tokens" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  else if (query.data.length === 0)
    body = (
      <EmptyState
        icon={<KeyRoundIcon />}
        title="No API tokens"
        description="Create a token for each script or agent hook that calls Baton, so you can revoke one without touching the others."
        action={
          <Button onClick={onCreate}>
            <PlusIcon />
            Create token
          </Button>
        }
      />
    )
  else body = <TokensTable tokens={query.data} onRevoke={setRevoking} />
  return (
    <Card className="overflow-hidden">
      {body}
      {revoking && <RevokeTokenDialog token={revoking} open onOpenChange={(open) => !open && setRevoking(null)} />}
    </Card>
  )
}

function TokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  return (
    <Table aria-label="API tokens" className="table-fixed">
      <Columns />
      <TableBody>
        {tokens.map((token) => (
          <TableRow key={token.id}>
            <TableCell className="max-w-0">
              <span className="block truncate font-medium" title={token.name}>
                {token.name}
              </span>
            </TableCell>
            <TableCell>
              <RoleBadge role={token.role} />
            </TableCell>
            <TableCell>
              <code className="font-mono text-xs text-muted-foreground">{token.prefix}…</code>
            </TableCell>
            <TableCell className="hidden max-w-0 truncate text-muted-foreground md:table-cell">{token.created_by ?? '—'}</TableCell>
            <TableCell className="hidden text-muted-foreground sm:table-cell">
              <RelativeTime value={token.created_at} />
            </TableCell>
            <TableCell className="hidden text-muted-foreground sm:table-cell">
              {token.last_used_at ? <RelativeTime value={token.last_used_at} /> : 'Never'}
            </TableCell>
            <TableCell className="text-right">
              <Button
                variant="ghost"
                size="sm"
                className="text-destructive hover:bg-destructive/10 hover:text-destructive"
                aria-label={`Revoke ${token.name}`}
                onClick={() => onRevoke(token)}
              >
                Revoke
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

function TokensTableSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <Table aria-label="Loading API tokens" aria-busy="true" className="table-fixed">
      <Columns />
      <TableBody>
        {Array.from({ length: rows }, (_, index) => (
          <TableRow key={index} className="hover:bg-transparent">
            <TableCell>
              <Skeleton className="h-4 w-36" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-5 w-14 rounded-full" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-3.5 w-20" />
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <Skeleton className="h-3.5 w-16" />
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <Skeleton className="h-3.5 w-20" />
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <Skeleton className="h-3.5 w-16" />
            </TableCell>
            <TableCell>
              <Skeleton className="ml-auto h-6 w-14" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
