import { describe, expect, it } from 'vitest'

import { changeKind, compareRange, describeChange, meaningfulChanges, summarizeVersion, toggleSelection } from './changes'

describe('describeChange', () => {
  it('says what was set, removed or changed', () => {
    expect(describeChange({ path: 'limits.max_agents', before: 1, after: 3 })).toBe('limits.max_agents: 1 → 3')
    expect(describeChange({ path: 'env.TOKEN', before: null, after: { secret: '********' } })).toBe('env.TOKEN set to ********')
    expect(describeChange({ path: 'runner.claude_bin', before: 'claude', after: null })).toBe('runner.claude_bin removed')
    expect(changeKind({ path: 'a', before: false, after: true })).toBe('changed')
  })
})

describe('summarizeVersion', () => {
  it('describes a single change in full', () => {
    expect(summarizeVersion({ changes: [{ path: 'limits.max_agents', before: 1, after: 3 }], reverted_from: null })).toBe('limits.max_agents: 1 → 3')
  })

  it('names the first paths and counts the rest', () => {
    const change = (path: string) => ({ path, before: 1, after: 2 })
    expect(summarizeVersion({ changes: [change('a'), change('b')], reverted_from: null })).toBe('a and b')
    expect(summarizeVersion({ changes: [change('a'), change('b'), change('c'), change('d')], reverted_from: null })).toBe('a, b and 2 more')
  })

  it('says a revert and an empty version', () => {
    expect(summarizeVersion({ changes: [{ path: 'a', before: 2, after: 1 }], reverted_from: 4 })).toBe('Reverted to version 4: a: 2 → 1')
    expect(summarizeVersion({ changes: [], reverted_from: 4 })).toBe('Reverted to version 4')
    expect(summarizeVersion({ changes: [], reverted_from: null })).toBe('No changes')
  })
})

describe('version selection', () => {
  it('compares one version with the current one, two with each other, older first', () => {
    expect(compareRange([])).toBeNull()
    expect(compareRange([3])).toEqual({ from: 3, to: null })
    expect(compareRange([5, 2])).toEqual({ from: 2, to: 5 })
  })

  it('keeps the last two selected', () => {
    expect(toggleSelection([], 3)).toEqual([3])
    expect(toggleSelection([3], 3)).toEqual([])
    expect(toggleSelection([3, 5], 1)).toEqual([5, 1])
  })
})

describe('meaningfulChanges', () => {
  it('drops the whole document going between empty and unset, keeps everything else', () => {
    const changes = [
      { path: '', before: {}, after: null },
      { path: 'limits.max_agents', before: null, after: 4 },
      { path: '', before: null, after: { limits: {} } },
    ]
    expect(meaningfulChanges(changes)).toEqual(changes.slice(1))
    expect(summarizeVersion({ changes: changes.slice(0, 2), reverted_from: null })).toBe('limits.max_agents set to 4')
    expect(describeChange({ path: '', before: null, after: { a: 1 } })).toBe('(whole document) set to {a: 1}')
  })
})
