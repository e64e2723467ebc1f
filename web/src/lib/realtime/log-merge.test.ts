import { describe, expect, it } from 'vitest'

import { appendAfter, createFrameBuffer } from './log-merge'

const seqs = (...values: number[]) => values.map((seq) => ({ seq }))

describe('appendAfter', () => {
  it('keeps only entries after the last kept one', () => {
    const target = seqs(1, 2, 3)
    const last = appendAfter(target, 3, seqs(2, 3, 4, 5))
    expect(last).toBe(5)
    expect(target.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('returns the same last seq when nothing is new', () => {
    const target = seqs(1)
    expect(appendAfter(target, 1, seqs(1))).toBe(1)
    expect(appendAfter(target, 1, [])).toBe(1)
    expect(target).toHaveLength(1)
  })
})

describe('createFrameBuffer', () => {
  it('applies frames that overlap a page after it, without duplicates or gaps', () => {
    // Subscribed; a frame (seq 4–6) arrives while the page (1–5) is in flight.
    const buffer = createFrameBuffer<{ seq: number }>()
    buffer.hold(seqs(4, 5, 6))
    const target: { seq: number }[] = []
    let last = appendAfter(target, 0, seqs(1, 2, 3, 4, 5))
    last = buffer.drainInto(target, last)
    expect(target.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6])
    expect(last).toBe(6)
    expect(buffer.size).toBe(0)
  })
})
