import { describe, expect, it } from 'vitest'

import { emptyRow, SECRET_MASK } from '@/lib/secret-map'

import type { McpServer } from '../api/types'
import { bodyFromForm, configOf, emptyServerForm, formFromServer } from './server-form'

const stored: McpServer = {
  name: 'everything',
  scope: 'baton',
  project_id: 'p1',
  transport: 'stdio',
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-everything'],
  env: { DEBUG: '1', API_KEY: { secret: SECRET_MASK } },
  headers: {},
  managed: false,
  status: 'unknown',
  last_check: null,
  used_by: [],
}

describe('server form', () => {
  it('round-trips a stored stdio server, keeping its masked secret', () => {
    const result = bodyFromForm(formFromServer(stored))
    expect(result).toEqual({
      ok: true,
      body: {
        name: 'everything',
        project_id: 'p1',
        type: 'stdio',
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-everything'],
        env: { DEBUG: '1', API_KEY: { secret: SECRET_MASK } },
      },
    })
  })

  it('sends a global http server with a secret header and no stdio fields', () => {
    const form = { ...emptyServerForm(null), name: 'remote', transport: 'http' as const, url: ' https://mcp.example.com/mcp ', command: 'ignored' }
    form.headers = [{ ...emptyRow(), name: 'Authorization', value: 'Bearer t', secret: true }]
    expect(bodyFromForm(form)).toEqual({
      ok: true,
      body: { name: 'remote', project_id: null, type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: { secret: 'Bearer t' } } },
    })
  })

  it('splits arguments by line and names what is missing', () => {
    const form = { ...emptyServerForm(null), name: 'x', command: 'node', args: 'server.js\n\n --port 3000 ' }
    const result = bodyFromForm(form)
    expect(result.ok && result.body.args).toEqual(['server.js', '--port 3000'])
    expect(bodyFromForm({ ...emptyServerForm(null), name: 'bad name' })).toEqual({
      ok: false,
      errors: { name: expect.stringContaining('letters'), command: 'Command is required.' },
    })
    const http = bodyFromForm({ ...emptyServerForm(null), name: 'h', transport: 'http', url: 'ftp://x' })
    expect(!http.ok && http.errors.url).toBeTruthy()
  })
})

describe('configOf', () => {
  it('leaves out the name and project, which say which server a PUT changes', () => {
    const result = bodyFromForm(formFromServer(stored))
    expect(result.ok && configOf(result.body)).toEqual({
      type: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-everything'],
      env: { DEBUG: '1', API_KEY: { secret: SECRET_MASK } },
    })
  })
})
