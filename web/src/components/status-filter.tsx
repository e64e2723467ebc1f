import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'

const ALL = 'all'

/** The "All statuses / one status" select every list's toolbar has; `null` means all. */
export function StatusFilter<T extends string>({
  value,
  options,
  onChange,
}: {
  value: T | null
  options: readonly { value: T; label: string }[]
  onChange: (value: T | null) => void
}) {
  return (
    <Select value={value ?? ALL} onValueChange={(next) => onChange(next === ALL ? null : (next as T))}>
      <SelectTrigger aria-label="Filter by status" className="w-full sm:w-40">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>All statuses</SelectItem>
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  )
}
