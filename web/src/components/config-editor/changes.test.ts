import { describe, expect, it } from 'vitest'

import { listChanges } from './changes'

describe('listChanges', () => {
  it('lists changed, added and removed keys by path, in the order they appear', () => {
    const before = { model: 'opus', timeout_s: 600, env: { FOO: 'a' }, command: ['claude', '-p'], old: true }
    const after = { model: 'opus', timeout_s: 900, env: { FOO: 'a', BAR: 'b' }, command: ['claude', '--print'] }
    expect(listChanges(before, after)).toEqual([
      { path: 'timeout_s', kind: 'changed' },
      { path: 'env.BAR', kind: 'added' },
      { path: 'command[1]', kind: 'changed' },
      { path: 'old', kind: 'removed' },
    ])
  })

  it('treats a list that changed length as one change', () => {
    expect(listChanges({ args: [1] }, { args: [1, 2] })).toEqual([{ path: 'args', kind: 'changed' }])
  })

  it('finds nothing when only the key order differs', () => {
    expect(listChanges({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toEqual([])
  })
})
