import { describe, expect, it } from 'vitest'

import { followAfterScroll, newSincePause } from './tail'

const view = (scrollTop: number) => ({ scrollTop, scrollHeight: 2000, clientHeight: 500 })

describe('followAfterScroll', () => {
  it('lets go when the reader scrolls up', () => {
    expect(followAfterScroll(true, view(1300), 1500)).toBe(false)
  })

  it('keeps following at the bottom, and follows again on coming back to it', () => {
    expect(followAfterScroll(true, view(1500), 1480)).toBe(true)
    expect(followAfterScroll(false, view(1490), 1000)).toBe(true)
  })

  it('does not start following while the reader scrolls down through the middle', () => {
    expect(followAfterScroll(false, view(1000), 800)).toBe(false)
  })

  it('ignores a one-pixel wobble from rows measuring themselves', () => {
    expect(followAfterScroll(true, view(1000), 1000.5)).toBe(true)
  })
})

describe('newSincePause', () => {
  it('counts the lines that arrived since the tail was paused', () => {
    expect(newSincePause(120, 100)).toBe(20)
    expect(newSincePause(120, null)).toBe(0)
    // A narrower filter can show fewer rows than at the pause.
    expect(newSincePause(10, 100)).toBe(0)
  })
})
