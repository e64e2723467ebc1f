import { ChevronLeftIcon, ChevronRightIcon, ScrollTextIcon, SearchXIcon } from 'lucide-react'
import { useEffect, useState, type ReactNode } from 'react'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { useCursorPagination } from '@/hooks/use-cursor-pagination'
import { useDebouncedValue } from '@/hooks/use-debounced-value'

import { AUDIT_PAGE_SIZE, useAudit } from '../api/get-audit'
import { useAuditFilters } from '../hooks/use-audit-filters'
import { AuditTable, AuditTableSkeleton } from './audit-table'
import { AuditToolbar } from './audit-toolbar'

/** The audit log, newest first, filtered from the URL and paged by cursor. */
export function AuditLog() {
  const filters = useAuditFilters()
  const [userInput, setUserInput] = useState(filters.user)
  const debouncedUser = useDebouncedValue(userInput, 300)
  const { setUser } = filters
  useEffect(() => {
    setUser(debouncedUser)
  }, [debouncedUser, setUser])

  const user = filters.user
  const pagination = useCursorPagination(`${user}\u0000${filters.action ?? ''}\u0000${filters.resource ?? ''}`)
  const query = useAudit({
    limit: AUDIT_PAGE_SIZE,
    ...(user ? { user } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.resource ? { resource: filters.resource } : {}),
    ...(pagination.cursor ? { cursor: pagination.cursor } : {}),
  })
  const filtered = user !== '' || filters.action !== null || filters.resource !== null

  const clear = () => {
    setUserInput('')
    filters.clear()
  }

  let body: ReactNode
  if (query.isPending) body = <AuditTableSkeleton />
  else if (query.isError)
    body = <ErrorState title="Could not load the audit log" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  else if (query.data.items.length === 0 && filtered)
    body = (
      <EmptyState
        icon={<SearchXIcon />}
        title="No matching entries"
        description="Nothing in the audit log matches these filters. Try another user or action, or clear the filters."
        action={
          <Button variant="outline" onClick={clear}>
            Clear filters
          </Button>
        }
      />
    )
  else if (query.data.items.length === 0)
    body = (
      <EmptyState
        icon={<ScrollTextIcon />}
        title="Nothing recorded yet"
        description="Sign-ins and every change to projects, users and API tokens appear here."
      />
    )
  else body = <AuditTable entries={query.data.items} />

  const hasNext = query.data?.next_cursor != null
  return (
    <div className="grid gap-4">
      <AuditToolbar
        user={userInput}
        onUserChange={setUserInput}
        action={filters.action}
        onActionChange={filters.setAction}
        resource={filters.resource}
        onResourceChange={filters.setResource}
      />
      <Card className="overflow-hidden">
        <div className={query.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>{body}</div>
        {query.data && (query.data.items.length > 0 || pagination.hasPrevious) && (
          <nav aria-label="Pagination" className="flex items-center justify-between gap-4 border-t px-4 py-3">
            <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
              Page {pagination.pageIndex + 1}
            </p>
            <div className="flex gap-2">
              <Button variant="outline" size="sm" onClick={pagination.previous} disabled={!pagination.hasPrevious || query.isFetching}>
                <ChevronLeftIcon />
                Previous
              </Button>
              <Button
                variant="outline"
                size="sm"
                onClick={() => query.data.next_cursor && pagination.next(query.data.next_cursor)}
                disabled={!hasNext || query.isFetching}
              >
                Next
                <ChevronRightIcon />
              </Button>
            </div>
          </nav>
        )}
      </Card>
    </div>
  )
}
