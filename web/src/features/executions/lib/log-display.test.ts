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

describe('toLogText', () => {
  it('writes one readable line per entry', () => {
    expect(toLogText(entry({ level: 'warn', kind: 'stderr', message: 'careful' }))).toBe(
      '2026-01-01T00:00:00.000Z WARN  api/backend-expert stderr: careful',
    )
    expect(toLogText(entry({ task_id: null, agent: null, kind: 'system', message: 'x' }))).toBe('2026-01-01T00:00:00.000Z INFO  - system: x')
  })
})
