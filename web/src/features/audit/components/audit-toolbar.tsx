import { SearchIcon } from 'lucide-react'

import { Input } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'

import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES } from '../lib/audit'

const ALL = 'all'

export function AuditToolbar({
  user,
  onUserChange,
  action,
  onActionChange,
  resource,
  onResourceChange,
}: {
  user: string
  onUserChange: (value: string) => void
  action: string | null
  onActionChange: (value: string | null) => void
  resource: string | null
  onResourceChange: (value: string | null) => void
}) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="relative w-full sm:max-w-56">
        <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          type="search"
          aria-label="Filter by user"
          placeholder="User or token name…"
          value={user}
          onChange={(e) => onUserChange(e.target.value)}
          className="pl-8"
        />
      </div>
      <Select value={action ?? ALL} onValueChange={(value) => onActionChange(value === ALL ? null : value)}>
        <SelectTrigger aria-label="Filter by action" className="w-full sm:w-52">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All actions</SelectItem>
          {AUDIT_ACTIONS.map((value) => (
            <SelectItem key={value} value={value} className="font-mono text-xs">
              {value}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select value={resource ?? ALL} onValueChange={(value) => onResourceChange(value === ALL ? null : value)}>
        <SelectTrigger aria-label="Filter by resource type" className="w-full sm:w-44">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All resources</SelectItem>
          {AUDIT_RESOURCE_TYPES.map((type) => (
            <SelectItem key={type.value} value={type.value}>
              {type.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  )
}
