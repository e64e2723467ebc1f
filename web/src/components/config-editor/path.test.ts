import { describe, expect, it } from 'vitest'

import { formatPath, parsePath, valueAt } from './path'

describe('formatPath', () => {
  it('writes paths the way the server does', () => {
    expect(formatPath(['timeout_s'])).toBe('timeout_s')
    expect(formatPath(['command', 0])).toBe('command[0]')
    expect(formatPath(['env', 'FOO'])).toBe('env.FOO')
    expect(formatPath(['agents', 2, 'max-turns'])).toBe('agents[2].max-turns')
  })

  it('brackets keys that would otherwise be misread', () => {
    expect(formatPath(['env', 'A.B'])).toBe('env["A.B"]')
    expect(formatPath(['labels', 'two words'])).toBe('labels["two words"]')
    expect(formatPath(['codes', '42'])).toBe('codes["42"]')
  })
})

describe('parsePath', () => {
  it.each([
    ['timeout_s', ['timeout_s']],
    ['command[0]', ['command', 0]],
    ['env.FOO', ['env', 'FOO']],
    ['agents[1].env.FOO', ['agents', 1, 'env', 'FOO']],
    ['env["A.B"]', ['env', 'A.B']],
    ["env['A B']", ['env', 'A B']],
    ['/agents/1/name', ['agents', 1, 'name']],
    ['/a~1b/c~0d', ['a/b', 'c~d']],
    ['$.env.FOO', ['env', 'FOO']],
    ['', []],
  ])('reads %j', (text, segments) => {
    expect(parsePath(text)).toEqual(segments)
  })

  it('reads back what formatPath writes', () => {
    const path = ['env', 'A.B', 3, 'two words', 'x']
    expect(parsePath(formatPath(path))).toEqual(path)
  })
})

describe('valueAt', () => {
  const value = { env: { 'A.B': 1, FOO: 'bar' }, command: ['run', { x: null }] }

  it('follows keys and indices', () => {
    expect(valueAt(value, ['env', 'FOO'])).toBe('bar')
    expect(valueAt(value, ['command', 1, 'x'])).toBeNull()
    expect(valueAt(value, ['command', '0'])).toBe('run')
  })

  it('finds a dotted key from a server path written without brackets', () => {
    expect(valueAt(value, parsePath('env.A.B'))).toBe(1)
  })

  it('is undefined where nothing is', () => {
    expect(valueAt(value, ['env', 'MISSING'])).toBeUndefined()
    expect(valueAt(value, ['command', 5])).toBeUndefined()
    expect(valueAt(value, ['env', 'FOO', 'deeper'])).toBeUndefined()
  })
})
