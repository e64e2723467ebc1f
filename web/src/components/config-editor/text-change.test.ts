import { describe, expect, it } from 'vitest'

import { minimalChange } from './text-change'

function apply(before: string, change: { from: number; to: number; insert: string }) {
  return before.slice(0, change.from) + change.insert + before.slice(change.to)
}

describe('minimalChange', () => {
  it.each([
    ['timeout_s: 10\n', 'timeout_s: 600\n', { from: 11, to: 12, insert: '60' }],
    ['a: 1\n', 'a: 1\nb: 2\n', { from: 5, to: 5, insert: 'b: 2\n' }],
    ['a: 1\nb: 2\n', 'b: 2\n', { from: 0, to: 5, insert: '' }],
    ['same', 'same', { from: 4, to: 4, insert: '' }],
    ['aaa', 'aa', { from: 2, to: 3, insert: '' }],
  ])('turns %j into %j by replacing only what differs', (before, after, change) => {
    expect(minimalChange(before, after)).toEqual(change)
    expect(apply(before, minimalChange(before, after))).toBe(after)
  })
})
