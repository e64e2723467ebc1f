import { ChevronDownIcon, ChevronUpIcon, ListFilterIcon, SearchIcon, XIcon } from 'lucide-react'
import { memo, type Ref } from 'react'

import { Button } from '@/components/ui/button'
import { cn } from '@/lib/utils'

const count = new Intl.NumberFormat('en')

/**
 * The search box: matches are highlighted in place and stepped through with Enter and Shift+Enter
 * (or the arrows beside the box); "Only matching lines" turns the search into a filter.
 */
export const LogSearch = memo(function LogSearch({
  ref,
  value,
  onChange,
  total,
  current,
  pending,
  onStep,
  onlyMatching,
  onOnlyMatchingChange,
}: {
  ref?: Ref<HTMLInputElement>
  value: string
  onChange: (value: string) => void
  total: number
  /** 0-based; -1 before the reader moved to a match. */
  current: number
  /** The typed text has not been searched for yet. */
  pending: boolean
  onStep: (direction: 1 | -1) => void
  onlyMatching: boolean
  onOnlyMatchingChange: (value: boolean) => void
}) {
  const searching = value.trim() !== ''
  let status = ''
  if (searching && !pending) {
    if (total === 0) status = 'No matching lines'
    else if (current < 0) status = `${count.format(total)} ${total === 1 ? 'match' : 'matches'}`
    else status = `${count.format(current + 1)} of ${count.format(total)}`
  }
  return (
    <div className="flex min-w-0 flex-1 items-center gap-1 lg:min-w-[16rem]">
      <div className="relative min-w-0 flex-1">
        <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <input
          ref={ref}
          type="text"
          role="searchbox"
          aria-label="Search the log"
          aria-keyshortcuts="/ Control+F"
          placeholder="Search the log…"
          value={value}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              onStep(e.shiftKey ? -1 : 1)
            } else if (e.key === 'Escape' && value !== '') {
              e.preventDefault()
              onChange('')
            }
          }}
          className={cn(
            'flex h-9 w-full min-w-0 rounded-md border border-input bg-transparent py-1 pr-8 pl-8 text-sm shadow-xs transition-[color,box-shadow] outline-none placeholder:text-muted-foreground dark:bg-input/20',
            'focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50',
          )}
        />
        {value !== '' && (
          <button
            type="button"
            aria-label="Clear the search"
            onClick={() => onChange('')}
            className="absolute top-1/2 right-1.5 flex size-6 -translate-y-1/2 cursor-pointer items-center justify-center rounded text-muted-foreground hover:bg-accent hover:text-foreground"
          >
            <XIcon className="size-3.5" />
          </button>
        )}
      </div>
      <span
        role="status"
        aria-live="polite"
        data-testid="log-search-status"
        className={cn(
          'shrink-0 text-center text-xs whitespace-nowrap text-muted-foreground tabular-nums',
          status !== '' && 'min-w-[4.5rem] px-1',
          total === 0 && searching && !pending && 'text-destructive',
        )}
      >
        {status}
      </span>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={!searching || total === 0}
        onClick={() => onStep(-1)}
      >
        <ChevronUpIcon />
      </Button>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={!searching || total === 0}
        onClick={() => onStep(1)}
      >
        <ChevronDownIcon />
      </Button>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label="Only matching lines"
        title="Only matching lines"
        aria-pressed={onlyMatching}
        onClick={() => onOnlyMatchingChange(!onlyMatching)}
        className={cn(onlyMatching && 'bg-accent text-foreground ring-1 ring-border')}
      >
        <ListFilterIcon />
      </Button>
    </div>
  )
})
