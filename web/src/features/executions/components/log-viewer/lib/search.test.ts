import { describe, expect, it } from 'vitest'

import { logEntry } from './fixtures'
import { applySearch, firstMatchFrom, locateMatch, searchPattern, splitMatches, stepMatch } from './search'

const rows = [
  logEntry(1, { message: 'fox and FOX' }),
  logEntry(2, { message: 'nothing here' }),
  logEntry(3, { message: 'a fox' }),
  logEntry(4, { kind: 'tool_use', message: 'Bash ls', metadata: { input: { command: 'find . -name fox' } } }),
]

describe('applySearch', () => {
  it('counts every match, per row, in the order they are shown', () => {
    const index = applySearch(null, rows, 'fox')
    expect(index.total).toBe(4)
    expect(index.rows).toEqual([0, 2, 3])
    expect(index.before).toEqual([0, 2, 3])
  })

  it('finds nothing for an empty search', () => {
    expect(applySearch(null, rows, '').total).toBe(0)
  })

  it('extends the index when rows are added at the end', () => {
    const first = applySearch(null, rows.slice(0, 2), 'fox')
    const next = applySearch(first, rows, 'fox')
    expect(next).toMatchObject({ rows: [0, 2, 3], before: [0, 2, 3], total: 4 })
    // The earlier index is left as it was.
    expect(first).toMatchObject({ rows: [0], total: 2 })
  })

  it('starts over for another needle', () => {
    const first = applySearch(null, rows, 'fox')
    expect(applySearch(first, rows, 'here')).toMatchObject({ rows: [1], total: 1 })
  })
})

describe('locating and stepping through matches', () => {
  const index = applySearch(null, rows, 'fox')

  it('maps a match number to its row and its place in the row', () => {
    expect(locateMatch(index, 0)).toEqual({ row: 0, occurrence: 0 })
    expect(locateMatch(index, 1)).toEqual({ row: 0, occurrence: 1 })
    expect(locateMatch(index, 2)).toEqual({ row: 2, occurrence: 0 })
    expect(locateMatch(index, 3)).toEqual({ row: 3, occurrence: 0 })
    expect(locateMatch(index, 4)).toBeNull()
    expect(locateMatch(index, -1)).toBeNull()
  })

  it('wraps around at both ends', () => {
    expect(stepMatch(index, 3, 1)).toBe(0)
    expect(stepMatch(index, 0, -1)).toBe(3)
    expect(stepMatch(index, 1, 1)).toBe(2)
    expect(stepMatch(index, -1, -1)).toBe(3)
    expect(stepMatch(applySearch(null, rows, 'zebra'), 0, 1)).toBe(-1)
  })

  it('picks the first match at or below a row, wrapping to the top', () => {
    expect(firstMatchFrom(index, 0)).toBe(0)
    expect(firstMatchFrom(index, 1)).toBe(2)
    expect(firstMatchFrom(index, 3)).toBe(3)
    expect(firstMatchFrom(index, 10)).toBe(0)
  })
})

describe('splitMatches', () => {
  it('cuts the text around each match, keeping its case', () => {
    expect(splitMatches('Fox, fox!', searchPattern('fox'))).toEqual([
      { text: 'Fox', match: true },
      { text: ', ', match: false },
      { text: 'fox', match: true },
      { text: '!', match: false },
    ])
  })

  it('returns the text whole without a search or a match', () => {
    expect(splitMatches('plain', null)).toEqual([{ text: 'plain', match: false }])
    expect(splitMatches('plain', searchPattern('zebra'))).toEqual([{ text: 'plain', match: false }])
  })

  it('keeps positions right where lower-casing would change the length', () => {
    // "İ" lower-cases to two code units; the match must still be "abc".
    expect(splitMatches('İİ abc', searchPattern('abc'))).toEqual([
      { text: 'İİ ', match: false },
      { text: 'abc', match: true },
    ])
  })

  it('escapes pattern characters', () => {
    expect(splitMatches('a+b a.b', searchPattern('a.b'))).toEqual([
      { text: 'a+b ', match: false },
      { text: 'a.b', match: true },
    ])
  })
})
