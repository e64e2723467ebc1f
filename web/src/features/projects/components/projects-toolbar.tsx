import { SearchIcon, XIcon } from 'lucide-react'

import { StatusFilter } from '@/components/status-filter'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'

import type { ProjectStatus } from '../api/types'
import { PROJECT_STATUSES } from '../lib/project-form'

export function ProjectsToolbar({
  search,
  onSearchChange,
  status,
  onStatusChange,
}: {
  search: string
  onSearchChange: (value: string) => void
  status: ProjectStatus | null
  onStatusChange: (value: ProjectStatus | null) => void
}) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="relative w-full sm:max-w-xs">
        <SearchIcon
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          type="search"
          aria-label="Search projects"
          placeholder="Search by name…"
          value={search}
          onChange={(e) => onSearchChange(e.target.value)}
          className="pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
        />
        {search && (
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Clear search"
            onClick={() => onSearchChange('')}
            className="absolute top-1/2 right-0.5 size-7 -translate-y-1/2 text-muted-foreground"
          >
            <XIcon />
          </Button>
        )}
      </div>
      <StatusFilter value={status} options={PROJECT_STATUSES} onChange={onStatusChange} />
    </div>
  )
}
