import { ArrowDownIcon, DownloadIcon, Loader2Icon, ScrollTextIcon, SearchIcon } from 'lucide-react'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { toast } from 'sonner'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { useDebouncedValue } from '@/hooks/use-debounced-value'

import { getAllExecutionLogs, LOGS_PAGE_SIZE, useExecutionLogs, type LogFilters } from '../api/get-execution-logs'
import { DETAIL_POLL_MS } from '../api/get-execution'
import { toLogLine, toLogText } from '../lib/log-display'
import { LogLine } from './log-line'

const ALL = 'all'
const LEVELS = [
  { value: 'info', label: 'Info' },
  { value: 'warn', label: 'Warnings' },
  { value: 'error', label: 'Errors' },
] as const
/** Within this many pixels of the bottom counts as "at the bottom": new lines keep it there. */
const STICK_THRESHOLD_PX = 48

function saveText(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}

/**
 * The execution's log: filters, search, paging after the last seq, and, while the execution runs,
 * polling for new lines with auto-scroll (unless the reader scrolled up).
 */
export function ExecutionLogs({ executionId, taskIds, live }: { executionId: string; taskIds: string[]; live: boolean }) {
  const [task, setTask] = useState<string | null>(null)
  const [level, setLevel] = useState<string | null>(null)
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim(), 300)
  const filters: LogFilters = useMemo(
    () => ({ ...(task ? { task } : {}), ...(level ? { level } : {}), ...(q ? { q } : {}) }),
    [task, level, q],
  )
  const query = useExecutionLogs(executionId, filters)
  const { fetchNextPage, isFetching } = query

  const pages = query.data?.pages
  const lastPage = pages?.[pages.length - 1]
  const backlog = lastPage !== undefined && lastPage.items.length >= LOGS_PAGE_SIZE

  // While running, whatever was written since the last page is "the next page": ask again a
  // moment after each answer (at once while there is a backlog).
  useEffect(() => {
    if (!live || isFetching) return
    const timer = window.setTimeout(() => void fetchNextPage({ cancelRefetch: false }), backlog ? 0 : DETAIL_POLL_MS)
    return () => window.clearTimeout(timer)
  }, [live, isFetching, backlog, fetchNextPage])

  // The last lines are written just before the execution ends: fetch once more when it does.
  const wasLive = useRef(live)
  useEffect(() => {
    if (wasLive.current && !live) void fetchNextPage({ cancelRefetch: false })
    wasLive.current = live
  }, [live, fetchNextPage])

  const lines = useMemo(() => (pages ?? []).flatMap((page) => page.items.map(toLogLine)), [pages])
  const hasMore = !live && backlog

  // Auto-scroll: follow new lines while the reader is at the bottom.
  const scrollRef = useRef<HTMLDivElement>(null)
  const [stuck, setStuck] = useState(true)
  const lastScrollTop = useRef(0)
  const onScroll = () => {
    const el = scrollRef.current
    if (!el) return
    // Only the reader scrolling up lets go; lines sizing themselves (content-visibility) must not.
    if (el.scrollTop < lastScrollTop.current - 4) setStuck(false)
    else if (el.scrollHeight - el.scrollTop - el.clientHeight < STICK_THRESHOLD_PX) setStuck(true)
    lastScrollTop.current = el.scrollTop
  }
  useLayoutEffect(() => {
    const el = scrollRef.current
    if (el && live && stuck) {
      el.scrollTop = el.scrollHeight
      lastScrollTop.current = el.scrollTop
    }
  }, [lines.length, live, stuck])
  const jumpToLatest = () => {
    const el = scrollRef.current
    if (el) {
      el.scrollTop = el.scrollHeight
      lastScrollTop.current = el.scrollTop
    }
    setStuck(true)
  }

  const [downloading, setDownloading] = useState(false)
  const download = async () => {
    setDownloading(true)
    try {
      const entries = await getAllExecutionLogs(executionId)
      saveText(`execution-${executionId}.log`, `${entries.map(toLogText).join('\n')}\n`)
      toast.success(`Downloaded ${entries.length} log ${entries.length === 1 ? 'line' : 'lines'}`)
    } catch (error) {
      toast.error('Could not download the log', { description: error instanceof Error ? error.message : undefined })
    } finally {
      setDownloading(false)
    }
  }

  const filtered = task !== null || level !== null || q !== ''
  const showTask = task === null

  let body
  if (query.isPending) {
    body = (
      <div className="grid gap-2 p-3" aria-busy="true" aria-label="Loading the log">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-3.5" style={{ width: `${40 + ((i * 37) % 55)}%` }} />
        ))}
      </div>
    )
  } else if (query.isError) {
    body = (
      <ErrorState title="Could not load the log" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    )
  } else if (lines.length === 0) {
    body = (
      <EmptyState
        icon={<ScrollTextIcon />}
        title={filtered ? 'No matching lines' : live ? 'Waiting for output…' : 'No log lines'}
        description={filtered ? 'Nothing in the log matches these filters.' : live ? 'Lines appear here as the agents write them.' : undefined}
        className="py-10"
      />
    )
  } else {
    body = lines.map((line) => <LogLine key={line.seq} line={line} showTask={showTask} />)
  }

  return (
    <div className="grid gap-3">
      <div className="flex flex-col gap-2 px-5 sm:flex-row sm:flex-wrap sm:items-center">
        <Select value={task ?? ALL} onValueChange={(value) => setTask(value === ALL ? null : value)}>
          <SelectTrigger aria-label="Filter log by task" className="w-full sm:w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All tasks</SelectItem>
            {taskIds.map((id) => (
              <SelectItem key={id} value={id}>
                {id}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select value={level ?? ALL} onValueChange={(value) => setLevel(value === ALL ? null : value)}>
          <SelectTrigger aria-label="Filter log by level" className="w-full sm:w-36">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All levels</SelectItem>
            {LEVELS.map((l) => (
              <SelectItem key={l.value} value={l.value}>
                {l.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <div className="relative w-full sm:max-w-xs">
          <SearchIcon
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            type="search"
            aria-label="Search the log"
            placeholder="Search the log…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="pl-8"
          />
        </div>
        <Button variant="outline" onClick={() => void download()} disabled={downloading} className="sm:ml-auto">
          {downloading ? <Loader2Icon className="animate-spin" /> : <DownloadIcon />}
          Download
        </Button>
      </div>
      <div className="relative border-t">
        <div
          ref={scrollRef}
          onScroll={onScroll}
          role="log"
          aria-label="Log"
          aria-live="off"
          tabIndex={0}
          className="h-[32rem] overflow-auto py-2 font-mono text-xs leading-5 outline-none focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:ring-inset"
        >
          {body}
          {hasMore && (
            <div className="flex justify-center py-3">
              <Button
                variant="outline"
                size="sm"
                onClick={() => void fetchNextPage({ cancelRefetch: false })}
                disabled={query.isFetchingNextPage}
              >
                {query.isFetchingNextPage && <Loader2Icon className="animate-spin" />}
                Load more
              </Button>
            </div>
          )}
        </div>
        {live && !stuck && lines.length > 0 && (
          <Button size="sm" onClick={jumpToLatest} className="absolute right-5 bottom-4 shadow-md">
            <ArrowDownIcon />
            Jump to latest
          </Button>
        )}
      </div>
    </div>
  )
}
