import type { LogEntry, LogPage } from '../../../api/types'
import { toLogText } from '../../../lib/log-display'
import { displayOf } from './search'

export type FetchLogPage = (afterSeq: number, limit: number, signal?: AbortSignal) => Promise<LogPage>

/**
 * Every entry of the execution, read page by page from the server (not what the viewer happens to
 * hold), reporting how many have arrived so far.
 */
export async function fetchAllEntries(
  fetchPage: FetchLogPage,
  { pageSize = 5000, onProgress, signal }: { pageSize?: number; onProgress?: (count: number) => void; signal?: AbortSignal } = {},
): Promise<LogEntry[]> {
  const all: LogEntry[] = []
  let after = 0
  for (;;) {
    const page = await fetchPage(after, pageSize, signal)
    all.push(...page.items)
    onProgress?.(all.length)
    // A short page is the last; a page that does not move forward would loop for ever.
    if (page.items.length < pageSize || page.last_seq <= after) return all
    after = page.last_seq
  }
}

/** The .log file: one line per entry, as `toLogText` writes it. */
export function toLogFile(entries: readonly LogEntry[]): string {
  return entries.length === 0 ? '' : `${entries.map(toLogText).join('\n')}\n`
}

/** "checkout-feature-0193a2b4.log": readable, and unique per execution. */
export function logFileName(executionName: string, executionId: string): string {
  const slug = executionName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'execution'}-${executionId.slice(0, 8)}.log`
}

/** What "copy line" puts on the clipboard: the line as in the file, and a tool call's input. */
export function lineText(entry: LogEntry): string {
  const details = displayOf(entry).details
  return entry.kind === 'tool_use' && details ? `${toLogText(entry)}\n${details.content}` : toLogText(entry)
}
