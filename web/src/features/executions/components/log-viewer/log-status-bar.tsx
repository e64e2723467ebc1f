import { KeyboardIcon, LoaderCircleIcon } from 'lucide-react'
import { memo } from 'react'

import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'

const count = new Intl.NumberFormat('en')

/** Under the log: how many lines, whether more are loading, whether the tail is followed, and the shortcuts. */
export const LogStatusBar = memo(function LogStatusBar({
  shown,
  total,
  filtering,
  loadingMore,
  live,
  following,
}: {
  shown: number
  total: number
  filtering: boolean
  loadingMore: boolean
  live: boolean
  following: boolean
}) {
  return (
    <div className="flex min-h-9 flex-wrap items-center gap-x-4 gap-y-1 border-t px-5 py-1.5 text-xs text-muted-foreground">
      <span className="tabular-nums" data-testid="log-line-count">
        {filtering ? `${count.format(shown)} of ${count.format(total)} lines` : `${count.format(total)} ${total === 1 ? 'line' : 'lines'}`}
      </span>
      {loadingMore && (
        <span className="inline-flex items-center gap-1.5">
          <LoaderCircleIcon className="size-3 animate-spin" />
          Loading the rest of the log…
        </span>
      )}
      {live &&
        (following ? (
          <span className="inline-flex items-center gap-1.5 text-sky-700 dark:text-sky-300">
            <span aria-hidden className="relative flex size-1.5">
              <span className="absolute inline-flex size-full animate-ping rounded-full bg-sky-500 opacity-75" />
              <span className="relative inline-flex size-1.5 rounded-full bg-sky-500" />
            </span>
            Following live output
          </span>
        ) : (
          <span>Live tail paused</span>
        ))}
      <Tooltip>
        <TooltipTrigger asChild>
          <button
            type="button"
            aria-label="Keyboard shortcuts"
            className="ml-auto inline-flex cursor-default items-center gap-1.5 rounded px-1 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
          >
            <KeyboardIcon className="size-3.5" />
            Shortcuts
          </button>
        </TooltipTrigger>
        <TooltipContent side="top" align="end" className="max-w-none">
          <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-1">
            <Shortcut keys="↑ ↓" what="Move between lines" />
            <Shortcut keys="Enter" what="Unfold a tool call or output" />
            <Shortcut keys="C" what="Copy the line" />
            <Shortcut keys="/ · Ctrl F" what="Search" />
            <Shortcut keys="Enter · Shift Enter" what="Next · previous match" />
            <Shortcut keys="End" what="Back to the latest line" />
          </dl>
        </TooltipContent>
      </Tooltip>
    </div>
  )
})

function Shortcut({ keys, what }: { keys: string; what: string }) {
  return (
    <>
      <dt className="font-mono font-medium">{keys}</dt>
      <dd className="opacity-80">{what}</dd>
    </>
  )
}
