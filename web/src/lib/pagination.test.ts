import { describe, expect, it } from 'vitest'

import { currentCursor, cursorStackReducer, FIRST_PAGE, pageRange } from '@/lib/pagination'

describe('cursorStackReducer', () => {
  it('starts on the first page, which has no cursor', () => {
    expect(currentCursor(FIRST_PAGE)).toBeNull()
  })

  it('goes forward and back through the cursors it was given', () => {
    let stack = cursorStackReducer(FIRST_PAGE, { type: 'next', cursor: 'c2' })
    stack = cursorStackReducer(stack, { type: 'next', cursor: 'c3' })
    expect(stack).toEqual([null, 'c2', 'c3'])
    expect(currentCursor(stack)).toBe('c3')
    stack = cursorStackReducer(stack, { type: 'previous' })
    expect(currentCursor(stack)).toBe('c2')
    stack = cursorStackReducer(stack, { type: 'previous' })
    expect(currentCursor(stack)).toBeNull()
  })

  it('does not go back past the first page', () => {
    expect(cursorStackReducer(FIRST_PAGE, { type: 'previous' })).toEqual([null])
  })

  it('ignores a repeated "next" with the same cursor (a double click)', () => {
    const once = cursorStackReducer(FIRST_PAGE, { type: 'next', cursor: 'c2' })
    expect(cursorStackReducer(once, { type: 'next', cursor: 'c2' })).toEqual([null, 'c2'])
  })

  it('resets to the first page', () => {
    const deep = cursorStackReducer(cursorStackReducer(FIRST_PAGE, { type: 'next', cursor: 'a' }), { type: 'next', cursor: 'b' })
    expect(cursorStackReducer(deep, { type: 'reset' })).toEqual([null])
  })
})

describe('pageRange', () => {
  it('numbers the rows of the first, a middle and the last page', () => {
    expect(pageRange(0, 50, 50, 120)).toEqual({ from: 1, to: 50, total: 120 })
    expect(pageRange(1, 50, 50, 120)).toEqual({ from: 51, to: 100, total: 120 })
    expect(pageRange(2, 50, 20, 120)).toEqual({ from: 101, to: 120, total: 120 })
  })

  it('shows 0–0 for an empty page', () => {
    expect(pageRange(0, 50, 0, 0)).toEqual({ from: 0, to: 0, total: 0 })
  })
})
