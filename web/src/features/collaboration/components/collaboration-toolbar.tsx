import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { Tabs, TabsList, TabsTrigger } from '@/components/ui/tabs'

import type { CollaborationRange } from '../api/types'
import type { useCollaborationFilters } from '../hooks/use-collaboration-filters'
import { COLLABORATION_RANGES } from '../lib/range'

const ALL = 'all'

export type ProjectOption = { id: string; name: string }

/** The range (24h / 7d / 30d) and the project the graph counts over. */
export function CollaborationToolbar({
  filters,
  projects,
}: {
  filters: ReturnType<typeof useCollaborationFilters>
  projects: ProjectOption[]
}) {
  // A project from the URL that is not among the options (deleted, or past the first page) still shows.
  const options =
    filters.project && !projects.some((p) => p.id === filters.project) ? [...projects, { id: filters.project, name: filters.project }] : projects
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <Tabs value={filters.range} onValueChange={(value) => filters.setRange(value as CollaborationRange)}>
        <TabsList aria-label="Time range">
          {COLLABORATION_RANGES.map((value) => (
            <TabsTrigger key={value} value={value} className="min-w-11 tabular-nums">
              {value}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      <Select value={filters.project ?? ALL} onValueChange={(value) => filters.setProject(value === ALL ? null : value)}>
        <SelectTrigger aria-label="Filter by project" className="w-full sm:w-56">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All projects</SelectItem>
          {options.map((p) => (
            <SelectItem key={p.id} value={p.id}>
              <span className="truncate">{p.name}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  )
}
