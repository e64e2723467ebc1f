import { describe, expect, it } from 'vitest'

import type { LogPage } from '../../../api/types'
import { fetchAllEntries, lineText, logFileName, toLogFile } from './download'
import { logEntry } from './fixtures'

function server(total: number) {
  const calls: number[] = []
  const fetchPage = async (after: number, limit: number): Promise<LogPage> => {
    calls.push(after)
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - after)) }, (_, i) => logEntry(after + i + 1))
    return { items, last_seq: items.at(-1)?.seq ?? after }
  }
  return { calls, fetchPage }
}

describe('fetchAllEntries', () => {
  it('reads every page after the last seq, not only what is loaded', async () => {
    const { calls, fetchPage } = server(12)
    const progress: number[] = []
    const entries = await fetchAllEntries(fetchPage, { pageSize: 5, onProgress: (n) => progress.push(n) })
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    expect(calls).toEqual([0, 5, 10])
    expect(progress).toEqual([5, 10, 12])
  })

  it('asks once more after a full last page, and stops on an empty one', async () => {
    const { calls, fetchPage } = server(10)
    expect(await fetchAllEntries(fetchPage, { pageSize: 5 })).toHaveLength(10)
    expect(calls).toEqual([0, 5, 10])
  })
})

describe('the file', () => {
  it('writes one line per entry', () => {
    const text = toLogFile([logEntry(1, { message: 'hello' }), logEntry(2, { level: 'error', kind: 'stderr', message: 'boom' })])
    expect(text.split('\n')).toEqual([
      '2026-01-01T12:00:00.001Z INFO  api/backend-expert assistant: hello',
      '2026-01-01T12:00:00.002Z ERROR api/backend-expert stderr: boom',
      '',
    ])
    expect(toLogFile([])).toBe('')
  })

  it('names the file after the execution', () => {
    expect(logFileName('checkout-feature', '0193a2b4-aaaa-bbbb')).toBe('checkout-feature-0193a2b4.log')
    expect(logFileName('Nightly: ingest / report!', 'abcdef123456')).toBe('nightly-ingest-report-abcdef12.log')
    expect(logFileName('***', 'abcdef123456')).toBe('execution-abcdef12.log')
  })
})

describe('lineText', () => {
  it('copies a tool call with its input', () => {
    const call = logEntry(3, { kind: 'tool_use', message: 'Bash ls', metadata: { input: { command: 'ls' } } })
    expect(lineText(call)).toBe('2026-01-01T12:00:00.003Z INFO  api/backend-expert tool_use: Bash ls\n{\n  "command": "ls"\n}')
    expect(lineText(logEntry(4, { message: 'plain' }))).toBe('2026-01-01T12:00:00.004Z INFO  api/backend-expert assistant: plain')
  })
})
