import { describe, expect, it } from 'vitest'

import { applyFilter, createFilterCache, indexOfSeq, NO_FILTER, type LogFilter } from './filter'
import { logEntry } from './fixtures'

const entries = [
  logEntry(1, { task_id: 'schema', agent: 'database-architect', kind: 'system', message: 'session started' }),
  logEntry(2, { task_id: 'api', agent: 'backend-expert', message: 'Writing the handler' }),
  logEntry(3, { task_id: 'api', agent: 'backend-expert', kind: 'stderr', level: 'warn', message: 'deprecated flag' }),
  logEntry(4, { task_id: 'ui', agent: 'frontend-expert', kind: 'tool_result', level: 'error', message: 'npm ERR! missing script' }),
  logEntry(5, {
    task_id: 'ui',
    agent: 'frontend-expert',
    kind: 'tool_use',
    message: 'Bash npm test',
    metadata: { input: { command: 'npm test', description: 'Run the HANDLER tests' } },
  }),
]

const filter = (extra: Partial<LogFilter>): LogFilter => ({ ...NO_FILTER, ...extra })
const seqs = (rows: readonly { seq: number }[]) => rows.map((r) => r.seq)

describe('applyFilter', () => {
  it('returns the same array when nothing filters, so a live tail costs nothing', () => {
    expect(applyFilter(null, entries, NO_FILTER).rows).toBe(entries)
  })

  it('keeps one task, one agent, or both', () => {
    expect(seqs(applyFilter(null, entries, filter({ task: 'api' })).rows)).toEqual([2, 3])
    expect(seqs(applyFilter(null, entries, filter({ agent: 'frontend-expert' })).rows)).toEqual([4, 5])
    expect(seqs(applyFilter(null, entries, filter({ task: 'api', agent: 'frontend-expert' })).rows)).toEqual([])
  })

  it('treats the level as a minimum: warnings include errors', () => {
    expect(seqs(applyFilter(null, entries, filter({ level: 'warn' })).rows)).toEqual([3, 4])
    expect(seqs(applyFilter(null, entries, filter({ level: 'error' })).rows)).toEqual([4])
  })

  it('matches text case-insensitively, in a tool call’s folded input too', () => {
    expect(seqs(applyFilter(null, entries, filter({ text: 'handler' })).rows)).toEqual([2, 5])
    expect(seqs(applyFilter(null, entries, filter({ text: 'ERR!' })).rows)).toEqual([4])
  })

  it('treats search text literally, not as a pattern', () => {
    expect(seqs(applyFilter(null, entries, filter({ text: 'npm ERR! (' })).rows)).toEqual([])
    expect(seqs(applyFilter(null, entries, filter({ text: '.*' })).rows)).toEqual([])
  })

  it('only looks at new entries when the log grew at the end', () => {
    const first = applyFilter(null, entries.slice(0, 3), filter({ task: 'api' }))
    const grown = [...entries.slice(0, 3), logEntry(6, { task_id: 'api' }), logEntry(7, { task_id: 'ui' })]
    const next = applyFilter(first, grown, filter({ task: 'api' }))
    expect(seqs(next.rows)).toEqual([2, 3, 6])
    expect(next.scanned).toBe(5)
    // Nothing new that passes: the previous rows, unchanged, so memoised children do not re-render.
    const again = applyFilter(next, [...grown, logEntry(8, { task_id: 'ui' })], filter({ task: 'api' }))
    expect(again.rows).toBe(next.rows)
  })

  it('starts over when the filter or the history changes', () => {
    const first = applyFilter(null, entries, filter({ task: 'api' }))
    expect(seqs(applyFilter(first, entries, filter({ task: 'ui' })).rows)).toEqual([4, 5])
    const replaced = [logEntry(1, { task_id: 'api', message: 'after a restart' })]
    expect(seqs(applyFilter(first, replaced, filter({ task: 'api' })).rows)).toEqual([1])
  })
})

describe('createFilterCache', () => {
  it('follows a growing log across calls', () => {
    const rowsOf = createFilterCache()
    expect(seqs(rowsOf(entries.slice(0, 2), filter({ task: 'api' })))).toEqual([2])
    expect(seqs(rowsOf(entries, filter({ task: 'api' })))).toEqual([2, 3])
  })
})

describe('indexOfSeq', () => {
  it('finds a row by seq, or says it is not shown', () => {
    const rows = [logEntry(2), logEntry(5), logEntry(9), logEntry(14)]
    expect(rows.map((r) => indexOfSeq(rows, r.seq))).toEqual([0, 1, 2, 3])
    expect(indexOfSeq(rows, 6)).toBe(-1)
    expect(indexOfSeq([], 1)).toBe(-1)
  })
})
