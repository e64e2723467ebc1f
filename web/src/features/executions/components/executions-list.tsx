import { ChevronLeftIcon, ChevronRightIcon, PlayIcon, SearchXIcon } from 'lucide-react'
import { useEffect, type ReactNode } from 'react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { useCursorPagination } from '@/hooks/use-cursor-pagination'

import { EXECUTIONS_PAGE_SIZE, useExecutions } from '../api/get-executions'
import type { ExecutionSort } from '../api/types'
import { useExecutionFilters } from '../hooks/use-execution-filters'
import { nextSort, toQueryParams } from '../lib/filters'
import { ExecutionsTable, ExecutionsTableSkeleton } from './executions-table'
import { ExecutionsToolbar, type ProjectOption } from './executions-toolbar'

/** The history of executions: search, filters, sort and pagination (all in the URL), and every loading, empty and error state. */
export function ExecutionsList({ projects }: { projects: ProjectOption[] }) {
  const filters = useExecutionFilters()
  const params = toQueryParams(filters)
  const pagination = useCursorPagination(JSON.stringify(params))
  const query = useExecutions({
    limit: EXECUTIONS_PAGE_SIZE,
    ...params,
    ...(pagination.cursor ? { cursor: pagination.cursor } : {}),
  })

  const emptyLaterPage = query.data?.items.length === 0 && pagination.hasPrevious && !query.isPlaceholderData
  const { previous } = pagination
  useEffect(() => {
    if (emptyLaterPage) previous()
  }, [emptyLaterPage, previous])

  const onSort = (column: ExecutionSort) => {
    const next = nextSort(filters, column)
    filters.setSort(next.sort, next.order)
  }

  let body: ReactNode
  if (query.isPending) {
    body = <ExecutionsTableSkeleton />
  } else if (query.isError) {
    body = (
      <ErrorState title="Could not load executions" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    )
  } else if (query.data.items.length === 0 && filters.filtered) {
    body = (
      <EmptyState
        icon={<SearchXIcon />}
        title="No matching executions"
        description="Nothing matches this search and these filters. Try others, or clear them."
        action={
          <Button variant="outline" onClick={filters.clear}>
            Clear filters
          </Button>
        }
      />
    )
  } else if (query.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<PlayIcon />}
        title="No executions yet — start a project's plan"
        description="Open a project and press Start to run its default plan; every run is listed here."
        action={
          <Button asChild variant="outline">
            <Link to="/projects">Go to projects</Link>
          </Button>
        }
      />
    )
  } else {
    body = (
      <ExecutionsTable
        executions={query.data.items}
        label="Executions"
        showProject
        sorting={{ sort: filters.sort, order: filters.order, onSort }}
      />
    )
  }

  const page = query.data
  return (
    <section aria-labelledby="execution-history" className="grid gap-3">
      <h2 id="execution-history" className="text-sm font-semibold">
        History
      </h2>
      <ExecutionsToolbar projects={projects} filters={filters} />
      <Card className="overflow-hidden">
        <div className={query.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>{body}</div>
        {page && (page.items.length > 0 || pagination.hasPrevious) && (
          <nav aria-label="Pagination" className="flex items-center justify-between gap-4 border-t px-4 py-3">
            <p className="text-sm text-muted-foreground tabular-nums">Page {pagination.pageIndex + 1}</p>
            <div className="flex gap-2">
              <Button variant="outline" size="sm" onClick={pagination.previous} disabled={!pagination.hasPrevious || query.isPlaceholderData}>
                <ChevronLeftIcon />
                Previous
              </Button>
              <Button
                variant="outline"
                size="sm"
                onClick={() => page.next_cursor && pagination.next(page.next_cursor)}
                disabled={!page.next_cursor || query.isPlaceholderData}
              >
                Next
                <ChevronRightIcon />
              </Button>
            </div>
          </nav>
        )}
      </Card>
    </section>
  )
}
