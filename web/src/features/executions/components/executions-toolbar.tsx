import { XIcon } from 'lucide-react'

import { SearchBox } from '@/components/search-box'
import { StatusFilter } from '@/components/status-filter'
import { Button } from '@/components/ui/button'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'

import { useAgentNames } from '../api/get-agent-names'
import type { useExecutionFilters } from '../hooks/use-execution-filters'
import { EXECUTION_STATUSES } from '../lib/status'
import { DateRangeFilter } from './date-range-filter'

const ALL = 'all'

export type ProjectOption = { id: string; name: string }

/** A value from the URL that is not among the options (deleted, or not loaded) still shows. */
function withCurrent<T extends { id: string; name: string }>(options: T[], current: string | null): { id: string; name: string }[] {
  return current && !options.some((o) => o.id === current) ? [...options, { id: current, name: current }] : options
}

/** Search, filters (project, status, agent, date) and "Clear filters" of the history. */
export function ExecutionsToolbar({
  projects,
  filters,
}: {
  projects: ProjectOption[]
  filters: ReturnType<typeof useExecutionFilters>
}) {
  const agents = useAgentNames()
  const projectOptions = withCurrent(projects, filters.project)
  const agentOptions = withCurrent((agents.data ?? []).map((name) => ({ id: name, name })), filters.agent)

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <SearchBox
        value={filters.q}
        onChange={filters.setQuery}
        label="Search executions"
        placeholder="Search name, id or project…"
      />
      <Select value={filters.project ?? ALL} onValueChange={(value) => filters.setProject(value === ALL ? null : value)}>
        <SelectTrigger aria-label="Filter by project" className="w-full sm:w-48">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All projects</SelectItem>
          {projectOptions.map((p) => (
            <SelectItem key={p.id} value={p.id}>
              <span className="truncate">{p.name}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <StatusFilter value={filters.status} options={EXECUTION_STATUSES} onChange={filters.setStatus} />
      <Select value={filters.agent ?? ALL} onValueChange={(value) => filters.setAgent(value === ALL ? null : value)}>
        <SelectTrigger aria-label="Filter by agent" className="w-full sm:w-44">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All agents</SelectItem>
          {agentOptions.map((a) => (
            <SelectItem key={a.id} value={a.id}>
              <span className="truncate">{a.name}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <DateRangeFilter since={filters.since} until={filters.until} onChange={filters.setRange} />
      {filters.filtered && (
        <Button variant="ghost" onClick={filters.clear} className="text-muted-foreground sm:ml-auto">
          <XIcon />
          Reset
        </Button>
      )}
    </div>
  )
}
