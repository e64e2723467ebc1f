import { StatusFilter } from '@/components/status-filter'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'

import type { ExecutionStatus } from '../api/types'
import { EXECUTION_STATUSES } from '../lib/status'

const ALL = 'all'

export type ProjectOption = { id: string; name: string }

export function ExecutionsToolbar({
  projects,
  project,
  onProjectChange,
  status,
  onStatusChange,
}: {
  projects: ProjectOption[]
  project: string | null
  onProjectChange: (value: string | null) => void
  status: ExecutionStatus | null
  onStatusChange: (value: ExecutionStatus | null) => void
}) {
  // A project from the URL that is not in the list (deleted, or past the first 200) still shows.
  const options = project && !projects.some((p) => p.id === project) ? [...projects, { id: project, name: project }] : projects
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <Select value={project ?? ALL} onValueChange={(value) => onProjectChange(value === ALL ? null : value)}>
        <SelectTrigger aria-label="Filter by project" className="w-full sm:w-72">
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
      <StatusFilter value={status} options={EXECUTION_STATUSES} onChange={onStatusChange} />
    </div>
  )
}
