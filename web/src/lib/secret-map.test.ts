import { describe, expect, it } from 'vitest'

import { emptyRow, mapFromRows, rowsFromMap, SECRET_MASK, type SecretRow } from './secret-map'

const row = (fields: Partial<SecretRow>): SecretRow => ({ ...emptyRow(), ...fields })

describe('rowsFromMap', () => {
  it('reads plain values, masked secrets as kept and unmasked secrets as new ones', () => {
    const rows = rowsFromMap({ 'X-Team': 'core', Authorization: { secret: SECRET_MASK }, TOKEN: { secret: 'abc' } })
    expect(rows.map(({ name, value, secret, kept }) => ({ name, value, secret, kept }))).toEqual([
      { name: 'X-Team', value: 'core', secret: false, kept: false },
      { name: 'Authorization', value: '', secret: true, kept: true },
      { name: 'TOKEN', value: 'abc', secret: true, kept: false },
    ])
  })

  it('treats an unknown shape as a stored secret and nothing as no rows', () => {
    expect(rowsFromMap({ K: { sealed: 'v1:xyz' } })[0]).toMatchObject({ secret: true, kept: true })
    expect(rowsFromMap(undefined)).toEqual([])
  })
})

describe('mapFromRows', () => {
  it('round-trips what it read: a kept secret goes back as the mask', () => {
    const map = { 'X-Team': 'core', Authorization: { secret: SECRET_MASK } }
    expect(mapFromRows(rowsFromMap(map))).toEqual({ ok: true, value: map })
  })

  it('sends a re-entered secret and a toggled one as {secret}', () => {
    const result = mapFromRows([
      row({ name: 'Authorization', value: 'Bearer new', secret: true, kept: true }),
      row({ name: ' API_KEY ', value: 'k-1', secret: true }),
      row({ name: 'EMPTY', value: '' }),
    ])
    expect(result).toEqual({ ok: true, value: { Authorization: { secret: 'Bearer new' }, API_KEY: { secret: 'k-1' }, EMPTY: '' } })
  })

  it('drops blank rows and names the rows that are wrong', () => {
    const blank = row({})
    const unnamed = row({ value: 'x' })
    const first = row({ name: 'A', value: '1' })
    const twice = row({ name: 'A', value: '2' })
    const emptySecret = row({ name: 'S', secret: true })
    const result = mapFromRows([blank, unnamed, first, twice, emptySecret])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual([unnamed.id, twice.id, emptySecret.id].sort())
    expect(result.errors[twice.id]).toContain('twice')
  })
})
