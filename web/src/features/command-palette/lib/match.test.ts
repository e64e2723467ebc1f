import { describe, expect, it } from 'vitest'

import { matchesQuery } from './match'

describe('matchesQuery', () => {
  it('matches word starts in any order', () => {
    expect(matchesQuery('Executions', [], 'exe')).toBe(true)
    expect(matchesQuery('Settings › API tokens', [], 'tok set')).toBe(true)
    expect(matchesQuery('Settings › Audit log', ['history'], 'hist')).toBe(true)
  })

  it('matches a part of the label', () => {
    expect(matchesQuery('Dashboard', [], 'board')).toBe(true)
  })

  it('ignores case and accents, and matches everything when nothing is typed', () => {
    expect(matchesQuery('Résumé', [], 'RESU')).toBe(true)
    expect(matchesQuery('Projects', [], '   ')).toBe(true)
  })

  it('does not match what is not there', () => {
    expect(matchesQuery('Projects', [], 'exe')).toBe(false)
    expect(matchesQuery('Settings › Users', [], 'set tok')).toBe(false)
  })
})
