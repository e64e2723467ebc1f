import type { LogEntry } from '../../../api/types'
import { createMatcher } from './search'

/** The lowest level a line needs to be shown: everything, warnings and errors, or errors only. */
export type LevelFilter = 'all' | 'warn' | 'error'

export type LogFilter = {
  task: string | null
  agent: string | null
  level: LevelFilter
  /** Only lines that contain this text (case-insensitive); '' keeps every line. */
  text: string
}

export const NO_FILTER: LogFilter = { task: null, agent: null, level: 'all', text: '' }

const LEVEL_RANK: Record<string, number> = { error: 2, warn: 1 }

export function levelRank(level: string): number {
  return LEVEL_RANK[level] ?? 0
}

export function isFiltering(filter: LogFilter): boolean {
  return filter.task !== null || filter.agent !== null || filter.level !== 'all' || filter.text !== ''
}

export function sameFilter(a: LogFilter, b: LogFilter): boolean {
  return a.task === b.task && a.agent === b.agent && a.level === b.level && a.text === b.text
}

/** A predicate for one filter, built once so the text matcher is not rebuilt per line. */
export function entryPredicate(filter: LogFilter): (entry: LogEntry) => boolean {
  const min = filter.level === 'all' ? 0 : levelRank(filter.level)
  const matches = filter.text === '' ? null : createMatcher(filter.text)
  return (entry) =>
    (filter.task === null || entry.task_id === filter.task) &&
    (filter.agent === null || entry.agent === filter.agent) &&
    (min === 0 || levelRank(entry.level) >= min) &&
    (matches === null || matches(entry))
}

export type Filtered = {
  /** The entries the filter was applied to, and how many of them were looked at. */
  source: readonly LogEntry[]
  scanned: number
  filter: LogFilter
  rows: readonly LogEntry[]
}

/**
 * The entries that pass the filter. Live logs only ever grow at the end, so when `entries` extends
 * the previous source (same filter, same entries up to where the last call stopped), only the new
 * tail is looked at: a live tail over 100,000 lines costs what the new lines cost, not a full scan.
 */
export function applyFilter(previous: Filtered | null, entries: readonly LogEntry[], filter: LogFilter): Filtered {
  if (!isFiltering(filter)) return { source: entries, scanned: entries.length, filter, rows: entries }
  const keep = entryPredicate(filter)
  if (previous && sameFilter(previous.filter, filter) && extendsPrevious(previous, entries)) {
    if (previous.scanned === entries.length) return { ...previous, source: entries }
    const added = []
    for (let i = previous.scanned; i < entries.length; i++) {
      const entry = entries[i] as LogEntry
      if (keep(entry)) added.push(entry)
    }
    const rows = added.length === 0 ? previous.rows : previous.rows.concat(added)
    return { source: entries, scanned: entries.length, filter, rows }
  }
  return { source: entries, scanned: entries.length, filter, rows: entries.filter(keep) }
}

function extendsPrevious(previous: Filtered, entries: readonly LogEntry[]): boolean {
  if (entries === previous.source) return true
  const n = previous.scanned
  if (entries.length < n) return false
  // Entries are immutable and ordered by seq: the same last entry at the same place means the same prefix.
  return n === 0 || entries[n - 1] === previous.source[n - 1] || entries[n - 1]?.seq === previous.source[n - 1]?.seq
}

/** A stateful wrapper for components: keeps the last result so the next call can extend it. */
export function createFilterCache() {
  let last: Filtered | null = null
  return (entries: readonly LogEntry[], filter: LogFilter): readonly LogEntry[] => {
    last = applyFilter(last, entries, filter)
    return last.rows
  }
}

/** Where the entry with this seq is among rows in ascending seq order; -1 when it is not shown. */
export function indexOfSeq(rows: readonly LogEntry[], seq: number): number {
  let lo = 0
  let hi = rows.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = (rows[mid] as LogEntry).seq
    if (at === seq) return mid
    if (at < seq) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
