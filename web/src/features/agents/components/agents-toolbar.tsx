import { XIcon } from 'lucide-react'

import { SearchBox } from '@/components/search-box'
import { StatusFilter } from '@/components/status-filter'
import { Button } from '@/components/ui/button'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'

import type { useAgentFilters } from '../hooks/use-agent-filters'
import { AGENT_STATES } from '../lib/filters'

const ALL = 'all'

/** Search, category and status filters of the catalog, and "Reset". */
export function AgentsToolbar({ filters, categories }: { filters: ReturnType<typeof useAgentFilters>; categories: string[] }) {
  // A category from the URL that the catalog no longer has still shows (and can be cleared).
  const options = filters.category && !categories.includes(filters.category) ? [...categories, filters.category] : categories
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <SearchBox value={filters.q} onChange={filters.setQuery} label="Search agents" placeholder="Search agents…" />
      <Select value={filters.category ?? ALL} onValueChange={(value) => filters.setCategory(value === ALL ? null : value)}>
        <SelectTrigger aria-label="Filter by category" className="w-full sm:w-48">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All categories</SelectItem>
          {options.map((category) => (
            <SelectItem key={category} value={category}>
              <span className="truncate">{category}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <StatusFilter value={filters.status} options={AGENT_STATES} onChange={filters.setStatus} />
      {filters.filtered && (
        <Button variant="ghost" onClick={filters.clear} className="text-muted-foreground sm:ml-auto">
          <XIcon />
          Reset
        </Button>
      )}
    </div>
  )
}
