import { describe, expect, it } from 'vitest'

import type { LogEntry } from '../api/types'
import { toLogLine, toLogText } from './log-display'

function entry(extra: Partial<LogEntry>): LogEntry {
  return { seq: 1, at: '2026-01-01T00:00:00.000Z', level: 'info', kind: 'assistant', message: 'hello', task_id: 'api', agent: 'backend-expert', metadata: null, ...extra }
}

describe('toLogLine', () => {
  it('shows system lines muted and assistant text as is', () => {
    expect(toLogLine(entry({ kind: 'system', message: 'attempt 1 started' })).tone).toBe('muted')
    const line = toLogLine(entry({ message: 'I will start' }))
    expect(line).toMatchObject({ tone: 'normal', text: 'I will start', details: null, nested: false })
  })
  it('shows a tool call with its input folded as JSON', () => {
    const line = toLogLine(
      entry({ kind: 'tool_use', message: 'Bash ls', metadata: { tool: 'Bash', input: { command: 'ls' }, parent_tool_use_id: null } }),
    )
    expect(line.icon).toBe('⚙')
    expect(line.text).toBe('Bash ls')
    expect(line.details).toEqual({ label: 'Input', content: '{\n  "command": "ls"\n}', open: false })
  })
  it('folds a long tool result behind its first line, and marks failed ones', () => {
    const long = `first line\n${'x'.repeat(400)}`
    const line = toLogLine(entry({ kind: 'tool_result', message: long, metadata: { is_error: false } }))
    expect(line.text).toBe('first line')
    expect(line.details?.content).toBe(long)
    const short = toLogLine(entry({ kind: 'tool_result', message: 'no such file', metadata: { is_error: true } }))
    expect(short.details).toBeNull()
    expect(short.tone).toBe('error')
  })
  it('highlights cost, tokens and duration of a result', () => {
    const line = toLogLine(
      entry({
        kind: 'result',
        message: 'result: success · $0.0154 · 4670 tokens in, 152 out',
        metadata: { cost_usd: 0.0154, input_tokens: 4670, output_tokens: 152, duration_ms: 900, subtype: 'success', is_error: false },
      }),
    )
    expect(line.tone).toBe('result')
    expect(line.text).toBe('Result: success')
    expect(line.stats).toEqual(['$0.0154', '4,670 in', '152 out', '900 ms'])
  })
  it('shows error-level lines and failed results in red', () => {
    expect(toLogLine(entry({ kind: 'stderr', level: 'error' })).tone).toBe('error')
    expect(toLogLine(entry({ kind: 'system', level: 'warn' })).tone).toBe('warn')
    expect(toLogLine(entry({ kind: 'result', metadata: { subtype: 'error_max_turns', is_error: true } })).tone).toBe('error')
  })
  it('indents subagent output', () => {
    expect(toLogLine(entry({ metadata: { parent_tool_use_id: 'toolu_task' } })).nested).toBe(true)
  })
})

describe('toLogLine, for Claude Code sessions (hooks)', () => {
  it('sets a prompt apart, and folds a long one behind its first line', () => {
    const short = toLogLine(entry({ kind: 'prompt', message: 'add a checkout page' }))
    expect(short).toMatchObject({ tone: 'prompt', icon: '❯', text: 'add a checkout page', details: null })
    const long = `Refactor the cart\n${'and keep the tests green. '.repeat(20)}`
    const folded = toLogLine(entry({ kind: 'prompt', message: long }))
    expect(folded.text).toBe('Refactor the cart')
    expect(folded.details).toEqual({ label: 'Prompt', content: long, open: false })
  })

  it('shows a hook event by its summary, muted, with the raw body folded as JSON', () => {
    const raw = { hook_event_name: 'Notification', message: 'Claude needs your permission', session_id: 's1' }
    const line = toLogLine(
      entry({ kind: 'hook', message: 'Notification: Claude needs your permission', metadata: { event: 'Notification', raw } }),
    )
    expect(line).toMatchObject({ tone: 'muted', text: 'Notification: Claude needs your permission' })
    expect(line.details).toEqual({ label: 'Event', content: JSON.stringify(raw, null, 2), open: false })
  })

  it('names a hook event without a summary by its event, and has nothing to fold without a body', () => {
    const line = toLogLine(entry({ kind: 'hook', message: '', metadata: { event: 'PreCompact' } }))
    expect(line.text).toBe('PreCompact')
    expect(line.details).toBeNull()
    expect(toLogLine(entry({ kind: 'hook', message: '  ', metadata: null })).text).toBe('Hook event')
  })

  it('shows a tool call from hooks as any other', () => {
    const metadata = { tool_use_id: 'toolu_1', tool: 'Bash', input: { command: 'npm test' }, source: 'hooks' }
    const line = toLogLine(entry({ kind: 'tool_use', message: 'Bash npm test', metadata }))
    expect(line).toMatchObject({ tone: 'tool', icon: '⚙', text: 'Bash npm test', stats: [] })
    expect(line.details).toEqual({ label: 'Input', content: '{\n  "command": "npm test"\n}', open: false })
  })

  it('shows how long a tool ran', () => {
    const line = toLogLine(
      entry({ kind: 'tool_result', message: '12 passed', metadata: { tool: 'Bash', is_error: false, duration_ms: 1234, source: 'hooks' } }),
    )
    expect(line).toMatchObject({ tone: 'muted', text: '12 passed', stats: ['1.2 s'], details: null })
    // Results from the stream carry no duration: no stat.
    expect(toLogLine(entry({ kind: 'tool_result', message: 'ok', metadata: { is_error: false } })).stats).toEqual([])
  })

  it('shows the error of a failed tool call first, with the output after it', () => {
    const line = toLogLine(
      entry({
        kind: 'tool_result',
        message: 'npm ERR! missing script: tset',
        metadata: { tool: 'Bash', is_error: true, duration_ms: 420, error: 'Exit code 1', source: 'hooks' },
      }),
    )
    expect(line).toMatchObject({ tone: 'error', text: 'Exit code 1\n\nnpm ERR! missing script: tset', stats: ['420 ms'] })
  })

  it('does not repeat an error the output already says, nor show one of a call that did not fail', () => {
    const same = toLogLine(entry({ kind: 'tool_result', message: 'File not found', metadata: { is_error: true, error: 'File not found' } }))
    expect(same.text).toBe('File not found')
    const onlyError = toLogLine(entry({ kind: 'tool_result', message: '', metadata: { is_error: true, error: 'Permission denied' } }))
    expect(onlyError.text).toBe('Permission denied')
    const ok = toLogLine(entry({ kind: 'tool_result', message: 'done', metadata: { is_error: false, error: 'stale' } }))
    expect(ok.text).toBe('done')
  })

  it('folds a failed call with a long output behind the error', () => {
    const output = 'x'.repeat(400)
    const line = toLogLine(entry({ kind: 'tool_result', message: output, metadata: { is_error: true, error: 'Timed out after 120 s' } }))
    expect(line.text).toBe('Timed out after 120 s')
    expect(line.details).toEqual({ label: 'Output', content: `Timed out after 120 s\n\n${output}`, open: false })
  })
})

describe('toLogText', () => {
  it('writes one readable line per entry', () => {
    expect(toLogText(entry({ level: 'warn', kind: 'stderr', message: 'careful' }))).toBe(
      '2026-01-01T00:00:00.000Z WARN  api/backend-expert stderr: careful',
    )
    expect(toLogText(entry({ task_id: null, agent: null, kind: 'system', message: 'x' }))).toBe('2026-01-01T00:00:00.000Z INFO  - system: x')
  })
})
