import { describe, expect, it } from 'vitest'

import { dateRangeLabel, DATE_PRESETS, nextSort, parseDay, presetRange, toQueryParams, type ExecutionFilters } from './filters'

const none: ExecutionFilters = { project: null, status: null, agent: null, q: null, since: null, until: null, sort: 'created_at', order: 'desc' }

describe('toQueryParams', () => {
  it('sends only what is set, and leaves the default sort out', () => {
    expect(toQueryParams(none)).toEqual({})
    expect(toQueryParams({ ...none, project: 'p', status: 'failed', agent: 'qa', q: 'shop', sort: 'cost', order: 'asc' })).toEqual({
      project_id: 'p',
      status: 'failed',
      agent: 'qa',
      q: 'shop',
      sort: 'cost',
      order: 'asc',
    })
  })

  it('turns days into a range from the first midnight to the midnight after the last day', () => {
    const params = toQueryParams({ ...none, since: '2026-03-01', until: '2026-03-05' })
    expect(params.since).toBe(new Date(2026, 2, 1).toISOString())
    expect(params.until).toBe(new Date(2026, 2, 6).toISOString())
  })

  it('ignores days that are not days', () => {
    expect(toQueryParams({ ...none, since: 'yesterday', until: '2026-02-30' })).toEqual({})
    expect(parseDay('2026-02-28')?.getDate()).toBe(28)
  })
})

describe('nextSort', () => {
  it('flips the order of the sorted column and starts another one descending', () => {
    expect(nextSort({ sort: 'cost', order: 'desc' }, 'cost')).toEqual({ sort: 'cost', order: 'asc' })
    expect(nextSort({ sort: 'cost', order: 'asc' }, 'cost')).toEqual({ sort: 'cost', order: 'desc' })
    expect(nextSort({ sort: 'cost', order: 'asc' }, 'duration')).toEqual({ sort: 'duration', order: 'desc' })
  })
})

describe('dateRangeLabel', () => {
  const today = new Date(2026, 2, 10)
  it('names presets and ranges', () => {
    expect(dateRangeLabel(null, null, today)).toBe('Any time')
    expect(dateRangeLabel(presetRange(DATE_PRESETS[1]!, today).since, null, today)).toBe('Last 7 days')
    expect(presetRange(DATE_PRESETS[0]!, today).since).toBe('2026-03-10')
    expect(dateRangeLabel('2026-03-01', '2026-03-05', today)).toBe('Mar 1 – Mar 5')
    expect(dateRangeLabel('2026-03-01', '2026-03-01', today)).toBe('Mar 1')
    expect(dateRangeLabel('2025-12-30', null, today)).toBe('Since Dec 30, 2025')
    expect(dateRangeLabel(null, '2026-03-05', today)).toBe('Until Mar 5')
  })
})
