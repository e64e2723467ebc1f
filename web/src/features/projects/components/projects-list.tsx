import { FolderKanbanIcon, PlusIcon, SearchXIcon } from 'lucide-react'
import { useEffect, useState, type ReactNode } from 'react'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { useCursorPagination } from '@/hooks/use-cursor-pagination'
import { useDebouncedValue } from '@/hooks/use-debounced-value'

import { PROJECTS_PAGE_SIZE, useProjects } from '../api/get-projects'
import type { Project } from '../api/types'
import { useProjectFilters } from '../hooks/use-project-filters'
import { ProjectsPagination } from './projects-pagination'
import { ProjectsTable, ProjectsTableSkeleton } from './projects-table'
import { ProjectsToolbar } from './projects-toolbar'

const SEARCH_DEBOUNCE_MS = 300

/** The projects table with its search, status filter, pagination and every loading, empty and error state. */
/** `onCreate` is left out for roles that may not create projects: the empty state then only explains. */
export function ProjectsList({
  onCreate,
  rowActions,
}: {
  onCreate?: () => void
  rowActions?: (project: Project) => ReactNode
}) {
  const filters = useProjectFilters()
  const { q, setQ } = filters
  const [search, setSearch] = useState(q)
  const debouncedSearch = useDebouncedValue(search, SEARCH_DEBOUNCE_MS)

  // The URL changed from elsewhere (back button, "Clear filters"): show it in the box.
  const [lastUrlQ, setLastUrlQ] = useState(q)
  if (q !== lastUrlQ) {
    setLastUrlQ(q)
    if (q !== search.trim()) setSearch(q)
  }

  useEffect(() => {
    if (debouncedSearch.trim() !== q) setQ(debouncedSearch)
    // Only a settled change of the box should write the URL, not a URL change itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch])

  const pagination = useCursorPagination(`${q}\u0000${filters.status ?? ''}`)
  const query = useProjects({
    limit: PROJECTS_PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(pagination.cursor ? { cursor: pagination.cursor } : {}),
  })
  const filtered = q !== '' || filters.status !== null

  // The last project of a later page was deleted: step back rather than show an empty page.
  const emptyLaterPage = query.data?.items.length === 0 && pagination.hasPrevious && !query.isPlaceholderData
  const { previous } = pagination
  useEffect(() => {
    if (emptyLaterPage) previous()
  }, [emptyLaterPage, previous])

  const clearFilters = () => {
    setSearch('')
    filters.clear()
  }

  let body: ReactNode
  if (query.isPending) {
    body = <ProjectsTableSkeleton />
  } else if (query.isError) {
    body = (
      <ErrorState
        title="Could not load projects"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    )
  } else if (query.data.items.length === 0 && filtered) {
    body = (
      <EmptyState
        icon={<SearchXIcon />}
        title="No matching projects"
        description="No project matches this search and status. Try another name or clear the filters."
        action={
          <Button variant="outline" onClick={clearFilters}>
            Clear filters
          </Button>
        }
      />
    )
  } else if (query.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<FolderKanbanIcon />}
        title="No projects yet"
        description={
          onCreate
            ? 'A project is a workspace directory your agents work in. Create one to get started.'
            : 'A project is a workspace directory your agents work in. An operator or admin can create one.'
        }
        action={
          onCreate && (
            <Button onClick={onCreate}>
              <PlusIcon />
              Create project
            </Button>
          )
        }
      />
    )
  } else {
    body = <ProjectsTable projects={query.data.items} label="Projects" rowActions={rowActions} />
  }

  return (
    <div className="grid gap-4">
      <ProjectsToolbar search={search} onSearchChange={setSearch} status={filters.status} onStatusChange={filters.setStatus} />
      <Card className="overflow-hidden">
        <div className={query.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>{body}</div>
        {query.data && query.data.items.length > 0 && (
          <div className="border-t px-4 py-3">
            <ProjectsPagination
              pageIndex={pagination.pageIndex}
              pageSize={PROJECTS_PAGE_SIZE}
              itemsOnPage={query.data.items.length}
              total={query.data.total}
              hasPrevious={pagination.hasPrevious}
              hasNext={query.data.next_cursor != null}
              onPrevious={pagination.previous}
              onNext={() => query.data.next_cursor && pagination.next(query.data.next_cursor)}
              busy={query.isFetching}
            />
          </div>
        )}
      </Card>
    </div>
  )
}
