import { describe, expect, it } from 'vitest'

import { can, type Permission, type TokenRole } from '@/lib/permissions'

describe('can', () => {
  // The whole table, so a change to it is a deliberate change to this test.
  const table: Record<Permission, Record<TokenRole, boolean>> = {
    'projects:read': { viewer: true, operator: true, admin: true, ingest: false },
    'projects:write': { viewer: false, operator: true, admin: true, ingest: false },
    'executions:control': { viewer: false, operator: true, admin: true, ingest: false },
    'agents:configure': { viewer: false, operator: true, admin: true, ingest: false },
    'users:manage': { viewer: false, operator: false, admin: true, ingest: false },
    'tokens:manage': { viewer: false, operator: false, admin: true, ingest: false },
    'audit:read': { viewer: false, operator: false, admin: true, ingest: false },
  }

  for (const [permission, roles] of Object.entries(table)) {
    for (const [role, allowed] of Object.entries(roles)) {
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(role as TokenRole, permission as Permission)).toBe(allowed)
      })
    }
  }

  it('allows nothing without a signed-in user', () => {
    expect(can(null, 'projects:read')).toBe(false)
    expect(can(undefined, 'projects:read')).toBe(false)
  })
})
