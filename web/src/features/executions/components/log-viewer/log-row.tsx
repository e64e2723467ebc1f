import {
  ChevronRightIcon,
  CircleCheckIcon,
  CircleXIcon,
  CopyIcon,
  CornerDownRightIcon,
  InfoIcon,
  TriangleAlertIcon,
  WebhookIcon,
  WrenchIcon,
} from 'lucide-react'
import { memo, type ReactNode, type Ref } from 'react'

import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import type { LogEntry } from '../../api/types'
import type { LogLineModel, LogTone } from '../../lib/log-display'
import { displayOf, splitMatches } from './lib/search'

const TONE_CLASS: Record<LogTone, string> = {
  muted: 'text-muted-foreground',
  normal: 'text-foreground',
  prompt: 'text-foreground font-medium',
  tool: 'text-foreground',
  result: 'text-foreground font-medium',
  warn: 'text-warning',
  error: 'text-destructive',
}

// A stripe on the left edge and a wash: errors and warnings stand out while scrolling fast, and so
// does what the person asked in a Claude Code session.
const ROW_TONE_CLASS: Partial<Record<LogTone, string>> = {
  prompt: 'bg-sky-500/[0.06] shadow-[inset_2px_0_0_var(--color-sky-500)] dark:bg-sky-500/10',
  warn: 'bg-warning-soft/50 shadow-[inset_2px_0_0_var(--color-warning)]',
  error: 'bg-destructive/[0.06] shadow-[inset_2px_0_0_var(--color-destructive)] dark:bg-destructive/10',
}

const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
})
const full = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'long' })

// Formatting dates is the costliest part of a row; a tail re-renders rows often, an entry's time never changes.
const formatted = new Map<string, { hms: string; ms: string; title: string } | null>()

function formatAt(at: string) {
  let value = formatted.get(at)
  if (value === undefined) {
    const date = new Date(at)
    if (Number.isNaN(date.getTime())) value = null
    else {
      const [hms = '', ms = ''] = clock.format(date).split(/[.,]/)
      value = { hms, ms, title: full.format(date) }
    }
    if (formatted.size > 5000) formatted.clear()
    formatted.set(at, value)
  }
  return value
}

function Timestamp({ at }: { at: string }) {
  const value = formatAt(at)
  if (!value) return <span className="text-muted-foreground/70">—</span>
  const { hms, ms, title } = value
  return (
    <time dateTime={at} title={title} className="text-muted-foreground/80 tabular-nums select-none">
      {hms}
      <span className="text-muted-foreground/45">.{ms}</span>
    </time>
  )
}

function KindIcon({ model }: { model: LogLineModel }) {
  const className = 'mt-[3px] size-3.5 shrink-0'
  switch (model.kind) {
    case 'prompt':
      return (
        <span aria-hidden className="w-3.5 shrink-0 text-center font-bold text-sky-600 dark:text-sky-400">
          {model.icon}
        </span>
      )
    case 'hook':
      return <WebhookIcon aria-hidden className={cn(className, 'text-muted-foreground/60')} />
    case 'tool_use':
      return <WrenchIcon aria-hidden className={cn(className, 'text-muted-foreground')} />
    case 'tool_result':
      return <CornerDownRightIcon aria-hidden className={cn(className, 'text-muted-foreground/70')} />
    case 'result':
      return model.tone === 'error' ? (
        <CircleXIcon aria-hidden className={cn(className, 'text-destructive')} />
      ) : (
        <CircleCheckIcon aria-hidden className={cn(className, 'text-success')} />
      )
    case 'system':
      return <InfoIcon aria-hidden className={cn(className, 'text-muted-foreground/60')} />
    default:
      if (model.tone === 'error' || model.tone === 'warn') {
        return <TriangleAlertIcon aria-hidden className={cn(className, model.tone === 'error' ? 'text-destructive' : 'text-warning')} />
      }
      return <span aria-hidden className="w-3.5 shrink-0" />
  }
}

/**
 * The text with its search matches marked. Matches are numbered across the row (headline first,
 * then the folded block) so the viewer can point at "the current one" by number.
 */
function Highlighted({ text, pattern, first, current }: { text: string; pattern: RegExp | null; first: number; current: number | null }) {
  if (!pattern) return <>{text}</>
  let n = first
  const parts: ReactNode[] = splitMatches(text, pattern).map((segment, i) => {
    if (!segment.match) return segment.text
    const isCurrent = n++ === current
    return (
      <mark
        key={i}
        data-current-match={isCurrent || undefined}
        className={cn(
          'rounded-[2px] text-inherit',
          isCurrent
            ? 'bg-orange-400 text-black ring-1 ring-orange-500 dark:bg-orange-400 dark:text-black'
            : 'bg-yellow-300/60 dark:bg-yellow-400/25 dark:text-yellow-50',
        )}
      >
        {segment.text}
      </mark>
    )
  })
  return <>{parts}</>
}

function countIn(text: string, pattern: RegExp | null): number {
  if (!pattern) return 0
  return splitMatches(text, pattern).filter((s) => s.match).length
}

export type LogRowProps = {
  ref?: Ref<HTMLDivElement>
  entry: LogEntry
  index: number
  start: number
  active: boolean
  expanded: boolean
  pattern: RegExp | null
  /** Which match of this row is the current one, if any. */
  currentMatch: number | null
  onToggle: (seq: number) => void
  onCopy: (entry: LogEntry) => void
  onActivate: (seq: number) => void
}

/** One line of the log, absolutely placed by the virtualiser and measured after it renders. */
export const LogRow = memo(function LogRow({
  ref,
  entry,
  index,
  start,
  active,
  expanded,
  pattern,
  currentMatch,
  onToggle,
  onCopy,
  onActivate,
}: LogRowProps) {
  const model = displayOf(entry)
  const color = agentColor(entry.agent)
  const headlineMatches = countIn(model.text, pattern)
  const details = model.details
  return (
    <div
      ref={ref}
      data-index={index}
      data-seq={entry.seq}
      data-kind={entry.kind}
      data-level={entry.level}
      data-log-row=""
      data-active={active || undefined}
      tabIndex={-1}
      onFocus={() => onActivate(entry.seq)}
      style={{ transform: `translateY(${start}px)` }}
      className={cn(
        'group absolute top-0 left-0 grid w-full [contain:layout_style] grid-cols-[auto_minmax(0,1fr)] gap-x-3 px-3 py-0.5 outline-none @2xl:grid-cols-[6.25rem_8.5rem_minmax(0,1fr)]',
        'hover:bg-muted/50 focus-visible:bg-accent focus-visible:shadow-[inset_0_0_0_1px_var(--color-ring)] data-[active]:bg-accent/70',
        ROW_TONE_CLASS[model.tone],
      )}
    >
      <Timestamp at={entry.at} />
      <span className="flex min-w-0 items-start pt-px">
        {entry.task_id ? (
          <span
            title={[entry.task_id, entry.agent].filter(Boolean).join(' · ')}
            style={color.style}
            className={cn('max-w-full truncate rounded px-1.5 text-[11px] leading-4 ring-1 ring-inset', color.chip)}
          >
            {entry.task_id}
          </span>
        ) : (
          <span className="text-muted-foreground/50">—</span>
        )}
      </span>
      {/* Narrow: time and task on one line, the text under them. */}
      <div className={cn('col-span-2 min-w-0 pr-8 @2xl:col-span-1', model.nested && 'ml-1 border-l-2 border-violet-500/30 pl-3')}>
        <div className={cn('flex min-w-0 gap-2', TONE_CLASS[model.tone])}>
          <KindIcon model={model} />
          <p className="min-w-0 flex-1 break-words whitespace-pre-wrap">
            {model.nested && <span className="mr-1.5 rounded bg-violet-500/10 px-1 font-sans text-[10px] text-violet-700 dark:text-violet-300">subagent</span>}
            <Highlighted text={model.text} pattern={pattern} first={0} current={currentMatch} />
            {details && (
              <button
                type="button"
                tabIndex={-1}
                aria-expanded={expanded}
                onClick={() => onToggle(entry.seq)}
                className="ml-2 inline-flex cursor-pointer items-center gap-0.5 rounded px-1 align-top font-sans text-[11px] leading-[18px] text-muted-foreground select-none hover:bg-muted hover:text-foreground"
              >
                <ChevronRightIcon aria-hidden className={cn('size-3 transition-transform', expanded && 'rotate-90')} />
                {details.label}
              </button>
            )}
            {model.stats.length > 0 && (
              <span className="ml-2 inline-flex flex-wrap gap-1.5 pt-px align-top">
                {model.stats.map((stat) => (
                  <span
                    key={stat}
                    className={cn(
                      'rounded px-1.5 text-[11px] leading-4 font-medium',
                      // A result's cost and tokens are its outcome; a tool call's duration is only a fact.
                      model.kind === 'result' ? 'bg-success-soft text-success' : 'bg-muted text-muted-foreground',
                    )}
                  >
                    {stat}
                  </span>
                ))}
              </span>
            )}
          </p>
        </div>
        {details && expanded && (
          <pre className="mt-1 mb-1.5 ml-[1.375rem] max-h-80 overflow-auto rounded-md border bg-background/80 px-3 py-2 break-words whitespace-pre-wrap text-foreground/90">
            <Highlighted text={details.content} pattern={pattern} first={headlineMatches} current={currentMatch} />
          </pre>
        )}
      </div>
      <button
        type="button"
        tabIndex={-1}
        aria-label="Copy line"
        title="Copy line (C)"
        onClick={() => onCopy(entry)}
        className="absolute top-0.5 right-2 hidden size-5 cursor-pointer items-center justify-center rounded border bg-background text-muted-foreground shadow-xs group-hover:flex group-focus-visible:flex group-data-[active]:flex hover:text-foreground"
      >
        <CopyIcon className="size-3" />
      </button>
    </div>
  )
})
