import { describe, expect, it } from 'vitest'

import type { ImportItem } from '../api/types'
import { groupImportItems, hasChanges, summaryLine } from './import-report'

const item = (kind: ImportItem['kind'], key: string, action: ImportItem['action']): ImportItem => ({ kind, key, action, changes: [] })

describe('groupImportItems', () => {
  it('groups by kind in a fixed order, changes first (created, updated, deleted), with counts', () => {
    const groups = groupImportItems([
      item('plan', 'shop / build', 'unchanged'),
      item('webhook', 'ci', 'delete'),
      item('plan', 'shop / deploy', 'update'),
      item('global', 'global', 'update'),
      item('plan', 'shop / test', 'create'),
    ])
    expect(groups.map((group) => group.label)).toEqual(['Global configuration', 'Plans', 'Webhooks'])
    const plans = groups[1]!
    expect(plans.changed.map((i) => i.key)).toEqual(['shop / test', 'shop / deploy'])
    expect(plans.unchanged.map((i) => i.key)).toEqual(['shop / build'])
    expect(plans.counts).toEqual({ create: 1, update: 1, delete: 0, unchanged: 1 })
  })

  it('gives no groups for no items', () => {
    expect(groupImportItems([])).toEqual([])
  })
})

describe('summaryLine', () => {
  it('lists what changes, or says nothing does', () => {
    expect(summaryLine({ summary: { created: 2, updated: 1, deleted: 0, unchanged: 5 } })).toBe('2 created, 1 updated')
    expect(summaryLine({ summary: { created: 0, updated: 0, deleted: 0, unchanged: 5 } })).toBe('nothing to change')
    expect(hasChanges({ summary: { created: 0, updated: 0, deleted: 1, unchanged: 0 } })).toBe(true)
    expect(hasChanges({ summary: { created: 0, updated: 0, deleted: 0, unchanged: 3 } })).toBe(false)
  })
})
