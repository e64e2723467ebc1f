import { describe, expect, it } from 'vitest'

import { isFiltered, parseAgentFilters, toAgentsParams, withAgentFilters } from './filters'

const parse = (search: string) => parseAgentFilters(new URLSearchParams(search))

describe('parseAgentFilters', () => {
  it('reads search, category and status from the URL', () => {
    expect(parse('q=%20review%20&category=Quality&status=running')).toEqual({ q: 'review', category: 'Quality', status: 'running' })
  })

  it('treats blank and unknown values as no filter', () => {
    expect(parse('q=%20%20&category=&status=sleeping')).toEqual({ q: null, category: null, status: null })
    expect(isFiltered(parse(''))).toBe(false)
    expect(isFiltered(parse('status=idle'))).toBe(true)
  })
})

describe('withAgentFilters', () => {
  it('sets and clears filters and keeps other parameters', () => {
    const next = withAgentFilters(new URLSearchParams('q=old&range=7d'), { q: 'new', status: 'idle', category: null })
    expect(next.toString()).toBe('q=new&range=7d&status=idle')
    expect(withAgentFilters(next, { q: '  ', status: null }).toString()).toBe('range=7d')
  })

  it('round-trips through the URL', () => {
    const filters = { q: 'api', category: 'Backend & APIs', status: 'running' as const }
    expect(parseAgentFilters(withAgentFilters(new URLSearchParams(), filters))).toEqual(filters)
  })
})

describe('toAgentsParams', () => {
  it('sends only what is set', () => {
    expect(toAgentsParams({ q: null, category: null, status: null })).toEqual({})
    expect(toAgentsParams({ q: 'api', category: 'Backend', status: 'idle' })).toEqual({ q: 'api', category: 'Backend', status: 'idle' })
  })
})
