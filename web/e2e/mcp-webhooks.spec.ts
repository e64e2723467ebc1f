import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { ADMIN, loginThroughApi } from './auth-helpers'
import { expect, test } from './fixtures'

/** A name the MCP API accepts (letters, digits, "-") that no other run has. */
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`

test.describe('MCP servers', () => {
  test("see an MCP server's status: a real server answers with its tools, a missing command is not found", async ({ page, api }) => {
    const good = unique('e2e-everything')
    const broken = unique('e2e-broken')
    // The reference server from the registry (a dev dependency), spoken to over stdio.
    const everything = path.resolve('node_modules/.bin/mcp-server-everything')
    for (const [name, command] of [
      [good, everything],
      [broken, 'definitely-not-a-command'],
    ]) {
      const response = await api.request.post('/api/mcp-servers', { data: { name, type: 'stdio', command } })
      expect(response.status(), await response.text()).toBe(201)
    }

    try {
      await page.goto('/configuration/mcp')
      const table = page.getByRole('table', { name: 'MCP servers' })

      await table.getByRole('button', { name: `Open ${good}` }).click()
      const detail = page.getByRole('dialog').filter({ hasText: good })
      await expect(detail.getByText('Added in Baton.')).toBeVisible()
      await detail.getByRole('button', { name: 'Check now' }).click()
      const result = detail.getByRole('status').filter({ hasText: 'OK' })
      await expect(result).toBeVisible({ timeout: 20_000 })
      await expect(result).toContainText('mcp-servers/everything')
      const toolsHeading = detail.getByRole('heading', { name: /^Tools \(\d+\)$/ })
      await expect(toolsHeading).toBeVisible()
      const count = Number(/\((\d+)\)/.exec((await toolsHeading.textContent()) ?? '')?.[1])
      expect(count).toBeGreaterThan(0)
      const tools = detail.getByRole('list', { name: 'Tools' })
      await expect(tools.getByRole('listitem')).toHaveCount(count)
      await expect(tools.getByText('echo', { exact: true })).toBeVisible()
      // A tool's input schema opens on demand.
      await tools.getByText('echo', { exact: true }).click()
      await expect(tools.getByText('"message"').first()).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(detail).toBeHidden()
      // The list follows: status, tool count.
      const row = table.getByRole('row').filter({ hasText: good })
      await expect(row).toContainText('OK')
      await expect(row.getByRole('cell').nth(6)).toHaveText(String(count))

      await table.getByRole('button', { name: `Open ${broken}` }).click()
      const brokenDetail = page.getByRole('dialog').filter({ hasText: broken })
      await brokenDetail.getByRole('button', { name: 'Check now' }).click()
      await expect(brokenDetail.getByRole('status').filter({ hasText: 'Not found' })).toBeVisible({ timeout: 20_000 })
      await expect(brokenDetail.getByRole('status')).toContainText('definitely-not-a-command')
      await brokenDetail.getByRole('button', { name: 'Close' }).first().click()
      await expect(brokenDetail).toBeHidden()
      await expect(table.getByRole('row').filter({ hasText: broken })).toContainText('Down')

      // Servers in ~/.claude.json (see playwright.config.ts) are listed with their scope, read-only.
      const discovered = table.getByRole('row').filter({ hasText: 'everything-user' })
      await expect(discovered).toContainText('user')
    } finally {
      for (const name of [good, broken]) await api.request.delete(`/api/mcp-servers/${name}`)
    }
  })
})

type Received = { headers: http.IncomingHttpHeaders; body: string }

/** A local receiver that answers 200 and keeps what it got. */
async function startReceiver() {
  const received: Received[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('thanks')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

test.describe('Webhooks', () => {
  test('a webhook created in the UI shows its secret once, and a test event is delivered and signed', async ({ page, api }) => {
    const receiver = await startReceiver()
    const name = unique('e2e-hook')
    try {
      await page.goto('/configuration/webhooks')
      await page.getByRole('button', { name: 'Create webhook' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Create webhook' })
      await dialog.getByLabel('URL').fill(receiver.url)
      await dialog.getByLabel('Name').fill(name)
      await dialog.getByRole('button', { name: 'Create webhook' }).click()

      const created = page.getByRole('dialog', { name: `Webhook “${name}” created` })
      await expect(created.getByRole('alert')).toContainText('will not be shown again')
      const secret = await created.getByLabel('Signing secret').inputValue()
      expect(secret).toMatch(/^whsec_/)
      await created.getByRole('button', { name: 'Done' }).click()
      await expect(created).toBeHidden()

      const row = page.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: name })
      await expect(row).toContainText('Never')
      await row.getByRole('button', { name: `Open ${name}` }).click()
      const detail = page.getByRole('dialog').filter({ hasText: receiver.url })
      // Shown once: the detail only says that it is set.
      await expect(detail.getByText('Set (shown only when created or rotated)')).toBeVisible()
      await expect(detail.getByText('No deliveries yet')).toBeVisible()

      await detail.getByRole('button', { name: 'Send test event' }).click()
      const delivery = detail.getByRole('list', { name: 'Deliveries' }).getByRole('listitem').first()
      await expect(delivery).toContainText('webhook:test')
      await expect(delivery).toContainText('Delivered', { timeout: 15_000 })
      await delivery.getByText('webhook:test', { exact: true }).click()
      const attempts = delivery.getByRole('table', { name: 'Attempts' })
      await expect(attempts.getByRole('cell', { name: '200', exact: true })).toBeVisible()
      await expect(attempts).toContainText('thanks')

      // What the receiver got is signed with the secret the UI showed.
      expect(receiver.received).toHaveLength(1)
      const [request] = receiver.received
      expect(request?.headers['baton-event']).toBe('webhook:test')
      const signature = String(request?.headers['baton-signature'])
      const parts = Object.fromEntries(signature.split(',').map((kv) => kv.split('=') as [string, string]))
      const expected = createHmac('sha256', secret).update(`${parts.t}.${request?.body}`).digest('hex')
      expect(parts.v1).toBe(expected)

      await page.keyboard.press('Escape')
      await expect(row.getByText('Delivered')).toBeVisible({ timeout: 15_000 })
    } finally {
      const response = await api.request.get('/api/webhooks')
      const list = (await response.json()) as { id: string; name: string }[] | { webhooks: { id: string; name: string }[] }
      for (const webhook of Array.isArray(list) ? list : list.webhooks) {
        if (webhook.name === name) await api.request.delete(`/api/webhooks/${webhook.id}`)
      }
      await receiver.close()
    }
  })
})

test.describe('a viewer', () => {
  const viewer = { username: `mcp-viewer-${Date.now().toString(36)}`, password: 'viewer-password-1' }
  test.use({ account: viewer })

  test.beforeAll(async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL })
    const { access_token } = await loginThroughApi(anonymous, ADMIN)
    const response = await anonymous.post('/api/users', { data: { ...viewer, role: 'viewer' }, headers: { Authorization: `Bearer ${access_token}` } })
    expect(response.status(), await response.text()).toBe(201)
    await anonymous.dispose()
  })

  test('sees MCP servers and webhooks but none of the controls that change or run them', async ({ page, api }) => {
    const server = unique('e2e-viewer-mcp')
    const hookName = unique('e2e-viewer-hook')
    expect((await api.request.post('/api/mcp-servers', { data: { name: server, type: 'stdio', command: 'definitely-not-a-command' } })).status()).toBe(201)
    const created = await api.request.post('/api/webhooks', { data: { name: hookName, url: 'https://hooks.example.com/baton' } })
    expect(created.status()).toBe(201)
    const { id } = (await created.json()) as { id: string }
    try {
      await page.goto('/configuration/mcp')
      await expect(page.getByRole('button', { name: 'Add server' })).toHaveCount(0)
      await page.getByRole('button', { name: `Open ${server}` }).click()
      const detail = page.getByRole('dialog').filter({ hasText: server })
      await expect(detail.getByRole('heading', { name: 'Configuration' })).toBeVisible()
      for (const action of ['Check now', 'Restart', 'Edit', 'Delete']) await expect(detail.getByRole('button', { name: action })).toHaveCount(0)
      await page.keyboard.press('Escape')

      await page.goto('/configuration/webhooks')
      await expect(page.getByRole('button', { name: 'Create webhook' })).toHaveCount(0)
      const row = page.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: hookName })
      await expect(row.getByRole('switch')).toHaveCount(0)
      await row.getByRole('button', { name: `Open ${hookName}` }).click()
      const hook = page.getByRole('dialog').filter({ hasText: hookName })
      await expect(hook.getByText('No deliveries yet')).toBeVisible()
      for (const action of ['Send test event', 'Edit', 'Rotate secret', 'Delete']) await expect(hook.getByRole('button', { name: action })).toHaveCount(0)
    } finally {
      await api.request.delete(`/api/mcp-servers/${server}`)
      await api.request.delete(`/api/webhooks/${id}`)
    }
  })
})
