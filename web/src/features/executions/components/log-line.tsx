import { memo } from 'react'

import { cn } from '@/lib/utils'

import type { LogLineModel, LogTone } from '../lib/log-display'

const TONE_CLASS: Record<LogTone, string> = {
  muted: 'text-muted-foreground',
  normal: 'text-foreground',
  tool: 'text-foreground',
  result: 'text-foreground font-medium',
  warn: 'text-warning',
  error: 'text-destructive',
}

const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })

/**
 * One entry of the log. `content-visibility: auto` lets the browser skip layout and paint of lines
 * outside the viewport, which keeps a few thousand lines smooth without virtualisation.
 */
export const LogLine = memo(function LogLine({ line, showTask }: { line: LogLineModel; showTask: boolean }) {
  return (
    <div
      data-seq={line.seq}
      data-kind={line.kind}
      className={cn(
        'grid grid-cols-[4.5rem_minmax(0,1fr)] gap-x-3 px-3 py-0.5 [contain-intrinsic-size:auto_1.25rem] [content-visibility:auto] hover:bg-muted/40',
        showTask && 'grid-cols-[4.5rem_8rem_minmax(0,1fr)]',
      )}
    >
      <time dateTime={line.at} className="text-muted-foreground/70 tabular-nums select-none">
        {time.format(new Date(line.at))}
      </time>
      {showTask && (
        <span className="truncate text-muted-foreground" title={[line.taskId, line.agent].filter(Boolean).join(' · ')}>
          {line.taskId ?? '—'}
        </span>
      )}
      <div className={cn('min-w-0', line.nested && 'border-l-2 border-border pl-3')}>
        <p className={cn('break-words whitespace-pre-wrap', TONE_CLASS[line.tone])}>
          {line.icon && (
            <span aria-hidden className="mr-1.5 inline-block w-3 text-muted-foreground">
              {line.icon}
            </span>
          )}
          {line.text}
          {line.stats.length > 0 && (
            <span className="ml-2 inline-flex flex-wrap gap-1.5 align-middle">
              {line.stats.map((stat) => (
                <span key={stat} className="rounded bg-success-soft px-1.5 py-px text-[11px] font-medium text-success">
                  {stat}
                </span>
              ))}
            </span>
          )}
        </p>
        {line.details && (
          <details open={line.details.open} className="group mt-0.5 mb-1">
            <summary className="w-fit cursor-pointer rounded text-[11px] text-muted-foreground select-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none">
              {line.details.label}
            </summary>
            <pre className="mt-1 max-h-80 overflow-auto rounded-md border bg-muted/50 px-3 py-2 whitespace-pre-wrap">
              {line.details.content}
            </pre>
          </details>
        )}
      </div>
    </div>
  )
})
