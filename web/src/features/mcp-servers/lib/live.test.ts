import { describe, expect, it } from 'vitest'

import type { McpServer, McpStatusEvent } from '../api/types'
import { patchServerList, withoutServer } from './live'

const server = (fields: Partial<McpServer>): McpServer => ({
  name: 'files',
  scope: 'baton',
  project_id: null,
  transport: 'stdio',
  env: {},
  headers: {},
  managed: false,
  status: 'ok',
  last_check: null,
  used_by: [],
  ...fields,
})

const event: McpStatusEvent = {
  name: 'files',
  project_id: 'p1',
  status: 'down',
  previous: 'ok',
  check: { checked_at: '2026-01-01T00:00:00Z', ok: false, latency_ms: 5, error: { kind: 'exited', message: 'gone' } },
}

describe('patchServerList', () => {
  it('updates the server of that name in that project only', () => {
    const list = { servers: [server({ project_id: null }), server({ project_id: 'p1' }), server({ name: 'other', project_id: 'p1' })] }
    const next = patchServerList(list, event)
    expect(next.servers.map((s) => s.status)).toEqual(['ok', 'down', 'ok'])
    expect(next.servers[1]?.last_check).toBe(event.check)
  })

  it('leaves overridden entries and unrelated lists alone', () => {
    const overridden = { servers: [server({ project_id: 'p1', scope: 'user', overridden_by: 'local' })] }
    expect(patchServerList(overridden, event)).toBe(overridden)
  })
})

describe('withoutServer', () => {
  it('drops the deleted Baton server and keeps discovered ones of the same name', () => {
    const list = { servers: [server({ project_id: 'p1' }), server({ project_id: 'p1', scope: 'project', overridden_by: 'baton' }), server({})] }
    expect(withoutServer(list, { name: 'files', project_id: 'p1' }).servers.map((s) => [s.scope, s.project_id])).toEqual([
      ['project', 'p1'],
      ['baton', null],
    ])
  })
})
