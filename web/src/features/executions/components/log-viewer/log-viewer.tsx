import { useVirtualizer } from '@tanstack/react-virtual'
import { ArrowDownIcon, FilterXIcon, RotateCwIcon, ScrollTextIcon } from 'lucide-react'
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { toast } from 'sonner'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { useDebouncedValue } from '@/hooks/use-debounced-value'

import type { LogEntry } from '../../api/types'
import { LogFilters } from './log-filters'
import { LogRow } from './log-row'
import { LogSearch } from './log-search'
import { lineText } from './lib/download'
import { createFilterCache, indexOfSeq, isFiltering, type LevelFilter, type LogFilter } from './lib/filter'
import {
  applySearch,
  countMatches,
  createSearchCache,
  displayOf,
  firstMatchFrom,
  locateMatch,
  searchPattern,
  stepMatch,
} from './lib/search'
import { LogStatusBar } from './log-status-bar'
import { useFollowTail } from './use-follow-tail'

/** One line of monospace text; rows that wrap or unfold are measured. */
const ROW_HEIGHT = 22
/**
 * Rows kept beyond the visible ones. A short log is rendered whole (cheaper than measuring rows
 * as they scroll in, and a row the reader opened never unmounts); a long one keeps a window.
 */
const OVERSCAN = 15
const RENDER_WHOLE_UP_TO = 150
const SEARCH_DEBOUNCE_MS = 150
const count = new Intl.NumberFormat('en')

export type LogViewerProps = {
  entries: readonly LogEntry[]
  loading: boolean
  error: Error | null
  onRetry?: () => void
  /** A long log is still arriving page by page. */
  loadingMore?: boolean
  /** The execution runs: new lines arrive and the view follows them. */
  live: boolean
  /** Task ids in plan order, and the agents, for the filters. */
  tasks: readonly string[]
  agents: readonly string[]
  taskAgents: ReadonlyMap<string, string>
  /** The task filter is the page's: the timeline sets it too. */
  task: string | null
  onTaskChange: (task: string | null) => void
  /** Extra controls at the end of the toolbar (Download). */
  actions?: ReactNode
}

/**
 * A log of any length: only the rows in view are in the page (measured, so folded tool calls can
 * open), a live tail that lets go when the reader scrolls up, filters, and search that highlights
 * and steps through matches. Every line is available to the keyboard: arrows move between lines,
 * Enter unfolds, C copies, / searches.
 */
export function LogViewer({
  entries,
  loading,
  error,
  onRetry,
  loadingMore = false,
  live,
  tasks,
  agents,
  taskAgents,
  task,
  onTaskChange,
  actions,
}: LogViewerProps) {
  const [agent, setAgent] = useState<string | null>(null)
  const [level, setLevel] = useState<LevelFilter>('all')
  const [query, setQuery] = useState('')
  const [onlyMatching, setOnlyMatching] = useState(false)
  const debounced = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS)
  const needle = query.trim() === '' ? '' : debounced

  const filter: LogFilter = useMemo(
    () => ({ task, agent, level, text: onlyMatching ? needle : '' }),
    [task, agent, level, onlyMatching, needle],
  )
  // Both caches extend their last answer when the log only grew, so a live tail stays cheap.
  const [filterRows] = useState(createFilterCache)
  const [searchRows] = useState(createSearchCache)
  const rows = useMemo(() => filterRows(entries, filter), [filterRows, entries, filter])
  const search = useMemo(() => searchRows(rows, needle), [searchRows, rows, needle])
  const pattern = useMemo(() => searchPattern(needle), [needle])

  // The current match belongs to one search over one set of rows; a new search starts over.
  const keyFor = (text: string) => `${text}\u0000${filter.task}\u0000${filter.agent}\u0000${filter.level}\u0000${filter.text}`
  const searchKey = keyFor(needle)
  const [cursor, setCursor] = useState<{ key: string; match: number } | null>(null)
  const current = cursor?.key === searchKey && cursor.match < search.total ? cursor.match : -1
  const location = current >= 0 ? locateMatch(search, current) : null

  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set())
  const [activeSeq, setActiveSeq] = useState<number | null>(null)

  const scrollRef = useRef<HTMLDivElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const getItemKey = useCallback((index: number) => rows[index]?.seq ?? index, [rows])
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design; this component is not memoised by the compiler.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: rows.length <= RENDER_WHOLE_UP_TO ? RENDER_WHOLE_UP_TO : OVERSCAN,
    paddingStart: 6,
    paddingEnd: 6,
    // React 19 warns about flushSync from inside a render; a frame later is fine for a log.
    useFlushSync: false,
  })

  // Live tail: follow new lines until the reader scrolls up; count what arrives meanwhile.
  const { following, fresh, pause, resume, onScroll, onWheel } = useFollowTail(
    scrollRef,
    live,
    rows.length,
    virtualizer.getTotalSize(),
  )

  const firstVisibleIndex = () => {
    const top = scrollRef.current?.scrollTop ?? 0
    return virtualizer.getVirtualItems().find((item) => item.end > top)?.index ?? 0
  }

  const focusRow = (seq: number, attempts = 4) => {
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-seq="${seq}"]`)
    if (el) el.focus({ preventScroll: true })
    else if (attempts > 0) requestAnimationFrame(() => focusRow(seq, attempts - 1))
  }

  const goToRow = (index: number, align: 'auto' | 'center' = 'auto') => {
    const entry = rows[index]
    if (!entry) return
    setActiveSeq(entry.seq)
    // A match found from the search box must be on screen, not only in the log's own scroll.
    if (align === 'center') scrollRef.current?.scrollIntoView({ block: 'nearest' })
    virtualizer.scrollToIndex(index, { align })
    return entry
  }

  const step = (direction: 1 | -1) => {
    // Enter pressed before the search caught up with the typing: step through what is typed.
    const typed = query.trim()
    if (typed !== needle && onlyMatching) return
    const index = typed === needle ? search : applySearch(null, rows, typed)
    const from = typed === needle ? current : -1
    const textPattern = typed === needle ? pattern : searchPattern(typed)
    if (index.total === 0) return
    let match: number
    if (from < 0) {
      // The first step starts from what is on screen, as a browser's find does.
      const first = firstMatchFrom(index, firstVisibleIndex())
      match = direction === 1 ? first : stepMatch(index, first, -1)
    } else {
      match = stepMatch(index, from, direction)
    }
    const found = locateMatch(index, match)
    if (!found) return
    setCursor({ key: keyFor(typed), match })
    const entry = rows[found.row] as LogEntry
    const model = displayOf(entry)
    if (model.details && textPattern && found.occurrence >= countMatches(model.text, textPattern) && !expanded.has(entry.seq)) {
      setExpanded((previous) => new Set(previous).add(entry.seq))
    }
    pause()
    goToRow(found.row, 'center')
  }

  // The search box is memoised; it gets a stable function that calls the latest `step`.
  const latestStep = useRef(step)
  useLayoutEffect(() => {
    latestStep.current = step
  })
  const onStep = useCallback((direction: 1 | -1) => latestStep.current(direction), [])

  // Opening a row is reading it: the tail lets go, or the next line would scroll it away.
  const latestPause = useRef(pause)
  useLayoutEffect(() => {
    latestPause.current = pause
  })
  const toggle = useCallback((seq: number) => {
    latestPause.current()
    setExpanded((previous) => {
      const next = new Set(previous)
      if (!next.delete(seq)) next.add(seq)
      return next
    })
  }, [])

  const copy = useCallback((entry: LogEntry) => {
    navigator.clipboard.writeText(lineText(entry)).then(
      () => toast.success('Line copied'),
      () => toast.error('Could not copy the line', { description: 'The browser did not allow access to the clipboard.' }),
    )
  }, [])

  const activeIndex = activeSeq === null ? -1 : indexOfSeq(rows, activeSeq)

  const onLogKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey) return
    const mod = event.ctrlKey || event.metaKey
    const fromButton = event.target instanceof HTMLButtonElement
    const moveTo = (index: number) => {
      const clamped = Math.max(0, Math.min(rows.length - 1, index))
      const entry = goToRow(clamped)
      if (entry) focusRow(entry.seq)
    }
    const from = activeIndex
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        if (mod || rows.length === 0) return
        event.preventDefault()
        moveTo(from < 0 ? firstVisibleIndex() : from + 1)
        return
      case 'ArrowUp':
      case 'k':
        if (mod || rows.length === 0) return
        event.preventDefault()
        pause()
        moveTo(from < 0 ? firstVisibleIndex() : from - 1)
        return
      case 'Home':
        if (rows.length === 0) return
        event.preventDefault()
        pause()
        moveTo(0)
        return
      case 'End':
        if (rows.length === 0) return
        event.preventDefault()
        moveTo(rows.length - 1)
        if (live) resume()
        return
      case 'Enter':
      case ' ': {
        if (fromButton || activeIndex < 0) return
        const entry = rows[activeIndex] as LogEntry
        if (!displayOf(entry).details) return
        event.preventDefault()
        toggle(entry.seq)
        return
      }
      case 'c':
      case 'C': {
        if (activeIndex < 0) return
        // Ctrl+C with text selected copies the selection, as everywhere else.
        if (mod && (window.getSelection()?.toString() ?? '') !== '') return
        if (event.shiftKey) return
        event.preventDefault()
        copy(rows[activeIndex] as LogEntry)
        return
      }
      case '/':
        event.preventDefault()
        searchRef.current?.focus()
        return
    }
  }

  const onViewerKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Find in page cannot see lines outside the window: Ctrl+F inside the viewer searches the log.
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault()
      searchRef.current?.focus()
      searchRef.current?.select()
    }
  }

  const clearFilters = () => {
    onTaskChange(null)
    setAgent(null)
    setLevel('all')
    setOnlyMatching(false)
  }

  const filtering = isFiltering(filter)
  const items = virtualizer.getVirtualItems()

  let body: ReactNode
  if (loading && entries.length === 0) {
    body = (
      <div className="grid gap-2 p-3" aria-busy="true" aria-label="Loading the log">
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} className="h-3.5" style={{ width: `${35 + ((i * 37) % 55)}%` }} />
        ))}
      </div>
    )
  } else if (error && entries.length === 0) {
    body = <ErrorState title="Could not load the log" error={error} onRetry={onRetry} />
  } else if (entries.length === 0) {
    body = (
      <EmptyState
        icon={<ScrollTextIcon />}
        title={live ? 'Waiting for output…' : 'No log lines'}
        description={live ? 'Lines appear here as the agents write them.' : 'This execution wrote nothing to its log.'}
        className="h-full py-10"
      />
    )
  } else if (rows.length === 0) {
    body = (
      <EmptyState
        icon={<FilterXIcon />}
        title="No lines match these filters"
        description={live ? 'Lines that match will appear here as they are written.' : 'Try another task, agent or level.'}
        action={
          <Button variant="outline" size="sm" onClick={clearFilters}>
            Clear filters
          </Button>
        }
        className="h-full py-10"
      />
    )
  } else {
    body = (
      // Pressing a line holds the tail: a line arriving before the press ends would move the row
      // from under the pointer, and the click (unfolding, copying) would land on another row.
      <div className="relative w-full [contain:layout_style]" style={{ height: virtualizer.getTotalSize() }} onPointerDown={pause}>
        {items.map((item) => {
          const entry = rows[item.index] as LogEntry
          return (
            <LogRow
              key={item.key}
              ref={virtualizer.measureElement}
              entry={entry}
              index={item.index}
              start={item.start}
              active={item.index === activeIndex}
              expanded={expanded.has(entry.seq)}
              pattern={pattern}
              currentMatch={location?.row === item.index ? location.occurrence : null}
              onToggle={toggle}
              onCopy={copy}
              onActivate={setActiveSeq}
            />
          )
        })}
      </div>
    )
  }

  return (
    <div className="grid min-w-0" onKeyDown={onViewerKeyDown}>
      <div className="flex flex-col gap-2 px-5 pb-3 lg:flex-row lg:flex-wrap lg:items-center">
        <LogFilters
          tasks={tasks}
          agents={agents}
          taskAgents={taskAgents}
          task={task}
          agent={agent}
          level={level}
          onTaskChange={onTaskChange}
          onAgentChange={setAgent}
          onLevelChange={setLevel}
        />
        <LogSearch
          ref={searchRef}
          value={query}
          onChange={setQuery}
          total={search.total}
          current={current}
          pending={query.trim() !== needle}
          onStep={onStep}
          onlyMatching={onlyMatching}
          onOnlyMatchingChange={setOnlyMatching}
        />
        {actions}
      </div>
      {error && entries.length > 0 && (
        <div role="alert" className="flex items-center gap-3 border-t bg-destructive/5 px-5 py-2 text-sm text-destructive">
          <span className="min-w-0 flex-1 truncate">Part of the log could not be loaded: {error.message}</span>
          {onRetry && (
            <Button variant="outline" size="sm" onClick={onRetry}>
              <RotateCwIcon />
              Retry
            </Button>
          )}
        </div>
      )}
      <div className="relative border-t bg-muted/20 dark:bg-black/20">
        <div
          ref={scrollRef}
          role="log"
          aria-label="Log"
          aria-live="off"
          aria-busy={loading || loadingMore}
          tabIndex={0}
          onScroll={onScroll}
          onWheel={onWheel}
          onKeyDown={onLogKeyDown}
          className="@container h-[34rem] overflow-auto overscroll-contain [contain:strict] font-mono text-xs leading-[18px] outline-none [overflow-anchor:none] focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:ring-inset"
        >
          {body}
        </div>
        {live && !following && rows.length > 0 && (
          <Button
            size="sm"
            onClick={resume}
            className="absolute bottom-4 left-1/2 -translate-x-1/2 rounded-full px-4 shadow-lg animate-in fade-in-0 slide-in-from-bottom-2"
          >
            <ArrowDownIcon />
            Resume live tail{fresh > 0 && ` (${count.format(fresh)} new)`}
          </Button>
        )}
      </div>
      <LogStatusBar
        shown={rows.length}
        total={entries.length}
        filtering={filtering}
        loadingMore={loadingMore}
        live={live}
        following={following}
      />
    </div>
  )
}
