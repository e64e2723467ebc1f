import { SearchIcon } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'

import { Input } from '@/components/ui/input'

const DEBOUNCE_MS = 300

/** A search field that reports what was typed once typing pauses (or on Enter). */
export function SearchBox({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string | null
  onChange: (value: string | null) => void
  label: string
  placeholder: string
}) {
  const [draft, setDraft] = useState(value ?? '')
  // The value can change from outside ("Clear filters", back button): take it over.
  const [seen, setSeen] = useState(value)
  if (seen !== value) {
    setSeen(value)
    if ((value ?? '') !== draft.trim()) setDraft(value ?? '')
  }

  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const commit = (text: string) => {
    window.clearTimeout(timer.current)
    const next = text.trim() || null
    if (next !== value) onChange(next)
  }

  return (
    <div className="relative w-full sm:max-w-64">
      <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={draft}
        onChange={(e) => {
          const text = e.target.value
          setDraft(text)
          window.clearTimeout(timer.current)
          timer.current = window.setTimeout(() => commit(text), DEBOUNCE_MS)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft)
        }}
        className="pl-8"
      />
    </div>
  )
}
