import type { LogEntry } from '../../../api/types'
import { toLogLine, type LogLineModel } from '../../../lib/log-display'

// Entries never change once written, so each is turned into its display model once.
const models = new WeakMap<LogEntry, LogLineModel>()

/** How an entry is shown (headline, folded details...), computed once per entry. */
export function displayOf(entry: LogEntry): LogLineModel {
  let model = models.get(entry)
  if (!model) {
    model = toLogLine(entry)
    models.set(entry, model)
  }
  return model
}

/**
 * The texts of an entry that search looks in, in the order they are shown: the headline, then the
 * folded block (a tool's input, a long tool output) if there is one.
 */
export function searchFields(entry: LogEntry): string[] {
  const model = displayOf(entry)
  return model.details ? [model.text, model.details.content] : [model.text]
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/**
 * Case-insensitive search on the text as shown. A regular expression (not `toLowerCase` and
 * `indexOf`) keeps match positions right where lower-casing changes a string's length.
 */
export function searchPattern(needle: string): RegExp | null {
  return needle === '' ? null : new RegExp(escapeRegExp(needle), 'gi')
}

/** Whether the entry contains the text anywhere search looks. */
export function createMatcher(needle: string): (entry: LogEntry) => boolean {
  const pattern = searchPattern(needle)
  if (!pattern) return () => true
  const once = new RegExp(pattern.source, 'i')
  return (entry) => searchFields(entry).some((field) => once.test(field))
}

export function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0
  let count = 0
  while (pattern.exec(text) !== null) count++
  return count
}

export type Segment = { text: string; match: boolean }

/** The text cut into plain and matching parts, for highlighting. */
export function splitMatches(text: string, pattern: RegExp | null): Segment[] {
  if (!pattern) return [{ text, match: false }]
  const segments: Segment[] = []
  let last = 0
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m.index > last) segments.push({ text: text.slice(last, m.index), match: false })
    segments.push({ text: m[0], match: true })
    last = m.index + m[0].length
  }
  if (last < text.length || segments.length === 0) segments.push({ text: text.slice(last), match: false })
  return segments
}

/** Where the matches of one search are, over the rows shown. */
export type SearchIndex = {
  needle: string
  source: readonly LogEntry[]
  /** Rows with at least one match, ascending. */
  rows: number[]
  /** For each of `rows`, how many matches come before that row. */
  before: number[]
  total: number
}

export const EMPTY_SEARCH: SearchIndex = { needle: '', source: [], rows: [], before: [], total: 0 }

/**
 * Counts the matches of `needle` in every row. Like the filter, it only looks at rows added
 * since the previous call when the rows grew at the end.
 */
export function applySearch(previous: SearchIndex | null, rows: readonly LogEntry[], needle: string): SearchIndex {
  const pattern = searchPattern(needle)
  if (!pattern) return { ...EMPTY_SEARCH, source: rows }
  let from = 0
  let index: SearchIndex = { needle, source: rows, rows: [], before: [], total: 0 }
  if (previous && previous.needle === needle && extendsRows(previous.source, rows)) {
    if (previous.source.length === rows.length) return { ...previous, source: rows }
    from = previous.source.length
    index = { needle, source: rows, rows: previous.rows.slice(), before: previous.before.slice(), total: previous.total }
  }
  for (let i = from; i < rows.length; i++) {
    let count = 0
    for (const field of searchFields(rows[i] as LogEntry)) count += countMatches(field, pattern)
    if (count > 0) {
      index.rows.push(i)
      index.before.push(index.total)
      index.total += count
    }
  }
  return index
}

function extendsRows(previous: readonly LogEntry[], rows: readonly LogEntry[]): boolean {
  if (previous === rows) return true
  const n = previous.length
  return rows.length >= n && (n === 0 || rows[n - 1] === previous[n - 1])
}

/** The row of the k-th match (0-based) and which match of that row it is. */
export function locateMatch(index: SearchIndex, k: number): { row: number; occurrence: number } | null {
  if (k < 0 || k >= index.total) return null
  // The last row whose `before` is <= k.
  let lo = 0
  let hi = index.rows.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((index.before[mid] as number) <= k) lo = mid
    else hi = mid - 1
  }
  return { row: index.rows[lo] as number, occurrence: k - (index.before[lo] as number) }
}

/** The first match in `row` or after it; wraps to the first match; -1 without matches. */
export function firstMatchFrom(index: SearchIndex, row: number): number {
  if (index.total === 0) return -1
  let lo = 0
  let hi = index.rows.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((index.rows[mid] as number) < row) lo = mid + 1
    else hi = mid
  }
  return lo < index.rows.length ? (index.before[lo] as number) : 0
}

/** The next (or previous) match, wrapping around at either end. */
export function stepMatch(index: SearchIndex, current: number, direction: 1 | -1): number {
  if (index.total === 0) return -1
  if (current < 0) return direction === 1 ? 0 : index.total - 1
  return (current + direction + index.total) % index.total
}

/** A stateful wrapper for components: keeps the last index so the next call can extend it. */
export function createSearchCache() {
  let last: SearchIndex | null = null
  return (rows: readonly LogEntry[], needle: string): SearchIndex => {
    last = applySearch(last, rows, needle)
    return last
  }
}
