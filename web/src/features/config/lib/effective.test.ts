import { describe, expect, it } from 'vitest'

import { effectiveRows, filterRows, originOf } from './effective'
import { formatValue } from './values'

describe('originOf', () => {
  it('uses the path’s own origin, else its nearest ancestor’s, else default', () => {
    const origins = { limits: 'global', 'limits.max_agents': 'project', env: 'project' } as const
    expect(originOf('limits.max_agents', origins)).toBe('project')
    expect(originOf('limits.default_budget_usd', origins)).toBe('global')
    expect(originOf('env.API_KEY', origins)).toBe('project')
    expect(originOf('runner.claude_bin', origins)).toBe('default')
  })
})

describe('effectiveRows', () => {
  it('gives one row per leaf with its origin, in the document’s order', () => {
    const rows = effectiveRows(
      { runner: { claude_bin: 'claude', kill_grace: '5s' }, limits: { max_agents: 3 }, watch: ['/a', '/b'] },
      { 'limits.max_agents': 'global', 'runner.claude_bin': 'flag' },
    )
    expect(rows).toEqual([
      { path: 'runner.claude_bin', value: 'claude', origin: 'flag', secret: false },
      { path: 'runner.kill_grace', value: '5s', origin: 'default', secret: false },
      { path: 'limits.max_agents', value: 3, origin: 'global', secret: false },
      { path: 'watch', value: ['/a', '/b'], origin: 'default', secret: false },
    ])
  })

  it('keeps secrets, empty objects and nulls as values of their own', () => {
    const rows = effectiveRows({ env: { API_KEY: { secret: '********' }, PLAIN: 'x' }, agents: {}, note: null }, { 'env.API_KEY': 'project' })
    expect(rows.map(({ path, secret, origin }) => ({ path, secret, origin }))).toEqual([
      { path: 'env.API_KEY', secret: true, origin: 'project' },
      { path: 'env.PLAIN', secret: false, origin: 'default' },
      { path: 'agents', secret: false, origin: 'default' },
      { path: 'note', secret: false, origin: 'default' },
    ])
  })

  it('gives no rows for an empty document', () => {
    expect(effectiveRows({}, {})).toEqual([])
  })
})

describe('filterRows', () => {
  const rows = effectiveRows({ limits: { max_agents: 3 }, env: { TOKEN: { secret: '********' } }, runner: { claude_bin: 'claude' } }, {})

  it('matches paths and shown values, ignoring case', () => {
    expect(filterRows(rows, 'MAX', formatValue).map((row) => row.path)).toEqual(['limits.max_agents'])
    expect(filterRows(rows, 'claude', formatValue).map((row) => row.path)).toEqual(['runner.claude_bin'])
  })

  it('does not match a secret by its mask, and keeps everything for a blank query', () => {
    expect(filterRows(rows, '****', formatValue)).toEqual([])
    expect(filterRows(rows, '  ', formatValue)).toHaveLength(3)
  })
})
