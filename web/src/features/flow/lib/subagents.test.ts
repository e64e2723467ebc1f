import { describe, expect, it } from 'vitest'

import { createSubagentTracker, subagentsFromLogs } from './subagents'
import { log, subagentCall } from './test-fixtures'
import { toolCallsOf } from './tool-calls'

describe('subagentsFromLogs', () => {
  it('finds Task and Agent tool calls, running until their result, failed on an error result', () => {
    const entries = [
      log('tool_use', 'build', { tool_use_id: 'ls', tool: 'Bash', input: { command: 'ls' } }),
      ...subagentCall('build', 'a', { type: 'code-reviewer', description: 'Review the diff', start: 0, end: 2000 }),
      ...subagentCall('build', 'b', { error: true }),
      log('tool_use', 'ship', { tool_use_id: 'c', tool: 'Agent', input: { description: 'Check docs' } }, 500),
    ]
    expect(subagentsFromLogs(entries)).toEqual([
      expect.objectContaining({ id: 'a', taskId: 'build', agent: 'code-reviewer', description: 'Review the diff', state: 'completed', completedAt: entries[2]!.at }),
      expect.objectContaining({ id: 'b', state: 'failed' }),
      expect.objectContaining({ id: 'c', taskId: 'ship', agent: null, description: 'Check docs', state: 'running', completedAt: null }),
    ])
  })

  it('ignores entries without a tool_use_id and results of other tools', () => {
    const entries = [
      log('tool_use', 'x', { tool: 'Task', input: {} }),
      log('tool_result', 'x', { tool_use_id: 'nope', is_error: true }),
    ]
    expect(subagentsFromLogs(entries)).toEqual([])
  })
})

describe('createSubagentTracker', () => {
  it('continues from where it stopped as the log grows, and returns the same array while nothing changed', () => {
    const track = createSubagentTracker()
    const started = subagentCall('build', 'a', { open: true })
    const first = track(started)
    expect(first.map((run) => run.state)).toEqual(['running'])

    const noise = [...started, log('assistant', 'build', {})]
    expect(track(noise)).toBe(first)

    const ended = [...noise, log('tool_result', 'build', { tool_use_id: 'a', is_error: false })]
    expect(track(ended).map((run) => run.state)).toEqual(['completed'])
  })

  it('starts over when the log is not a continuation (another execution)', () => {
    const track = createSubagentTracker()
    track(subagentCall('build', 'a'))
    expect(track(subagentCall('other', 'z')).map((run) => run.id)).toEqual(['z'])
    expect(track([])).toEqual([])
  })
})

describe('toolCallsOf', () => {
  it('lists one task’s tool calls with how long each took and whether it failed', () => {
    const entries = [
      log('tool_use', 'build', { tool_use_id: 't1', tool: 'Bash', parent_tool_use_id: null }, 0),
      log('tool_use', 'other', { tool_use_id: 't2', tool: 'Read' }, 100),
      log('tool_result', 'build', { tool_use_id: 't1', is_error: true }, 1500),
      log('tool_use', 'build', { tool_use_id: 't3', tool: 'Read', parent_tool_use_id: 'sub' }, 2000),
    ]
    expect(toolCallsOf(entries, 'build')).toEqual([
      expect.objectContaining({ id: 't1', tool: 'Bash', durationMs: 1500, isError: true, parentId: null }),
      expect.objectContaining({ id: 't3', tool: 'Read', durationMs: null, completedAt: null, parentId: 'sub' }),
    ])
  })
})
