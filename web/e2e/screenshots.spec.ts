import path from 'node:path'

import type { APIRequestContext } from '@playwright/test'

import { ADMIN, loginThroughApi } from './auth-helpers'
import { expect, test } from './fixtures'
import { writeAgentCatalog } from './screenshot-catalog'
import { reportFixSession, reportOrchestratorRun, reportRunningSession } from './screenshot-reports'

// On demand only (npm run screenshots): pictures for the README and for reviewing the look.
const OUT = path.resolve(import.meta.dirname, '../../docs/screenshots')

const SEED = [
  { name: 'Legacy billing', status: 'archived', description: 'Old invoicing code, kept for reference.', workspace_dir: '/home/dev/code/billing-legacy' },
  { name: 'Docs site', status: 'inactive', description: 'Product documentation and guides.', workspace_dir: '/home/dev/code/docs' },
  { name: 'Data pipeline', status: 'active', description: 'Nightly ingestion and reporting jobs.', workspace_dir: '/srv/baton/workspaces/data-pipeline' },
  { name: 'Mobile app', status: 'inactive', workspace_dir: '/home/dev/code/clients/mobile/react-native-app/packages/app' },
  { name: 'Payments service', status: 'active', description: 'Card payments, refunds and payouts.', workspace_dir: '/home/dev/code/payments' },
  {
    name: 'Checkout redesign',
    status: 'active',
    description: 'The new one-page checkout, built by a team of three agents.',
    workspace_dir: '/home/dev/code/shop/checkout',
    config: { model: 'sonnet', max_turns: 40, agents: ['planner', 'frontend', 'reviewer'], env: { NODE_ENV: 'development' } },
  },
]

const USERS = [
  { username: 'maria', password: 'maria-password-1', role: 'operator' },
  { username: 'sam', password: 'sam-password-12', role: 'viewer' },
  { username: 'priya', password: 'priya-password-1', role: 'admin' },
]

const TOKENS = [
  { name: 'claude hooks on laptop', role: 'ingest' },
  { name: 'grafana dashboard', role: 'viewer' },
]

async function seedAccounts(request: APIRequestContext) {
  for (const user of USERS) await request.post('/api/users', { data: user })
  const existing = (await (await request.get('/api/tokens')).json()) as { name: string }[]
  for (const token of TOKENS) {
    if (!existing.some((t) => t.name === token.name)) await request.post('/api/tokens', { data: token })
  }
  // Something in the audit log besides our own changes: a failed sign-in and a teammate's sign-in.
  await request.post('/api/auth/login', { data: { username: 'sam', password: 'wrong-password' } })
  await request.post('/api/auth/login', { data: { username: 'maria', password: 'maria-password-1' } })
}

test.describe('@screenshots', () => {
  let checkoutId = ''

  test.beforeAll(async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL })
    const { access_token } = await loginThroughApi(anonymous, ADMIN)
    await anonymous.dispose()
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${access_token}` } })
    await seedAccounts(request)
    for (const project of SEED) {
      const response = await request.post('/api/projects', { data: project })
      if (response.status() === 201) {
        const body = (await response.json()) as { id: string; name: string }
        if (body.name === 'Checkout redesign') checkoutId = body.id
      }
    }
    if (!checkoutId) {
      const list = await request.get('/api/projects?q=Checkout%20redesign')
      checkoutId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? ''
    }
    await request.dispose()
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`desktop, ${theme}`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('baton-theme', t), theme)
      await page.setViewportSize({ width: 1280, height: 800 })

      await page.goto('/projects')
      await expect(page.getByRole('link', { name: 'Checkout redesign' })).toBeVisible()
      await page.screenshot({ path: `${OUT}/projects-${theme}.png` })

      await page.getByRole('button', { name: 'New project' }).click()
      const wizard = page.getByRole('dialog', { name: 'New project' })
      await wizard.getByLabel('Name').fill('Search relevance')
      await wizard.getByLabel('Description').fill('Tune ranking with an evaluation set.')
      await wizard.getByRole('button', { name: 'Next' }).click()
      await wizard.getByLabel('Config').fill('{\n  "model": "sonnet",\n  "max_turns": 30\n}')
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/wizard-${theme}.png` })
      await wizard.getByRole('button', { name: 'Next' }).click()
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/wizard-review-${theme}.png` })
      await wizard.getByRole('button', { name: 'Cancel' }).click()

      await page.goto(`/projects/${checkoutId}`)
      await expect(page.getByRole('heading', { name: 'Checkout redesign', level: 1 })).toBeVisible()
      await page.screenshot({ path: `${OUT}/project-detail-${theme}.png` })

      await page.goto('/settings/users')
      await expect(page.getByRole('table', { name: 'Users' }).getByText('maria')).toBeVisible()
      await page.screenshot({ path: `${OUT}/settings-users-${theme}.png` })

      await page.goto('/settings/tokens')
      await expect(page.getByRole('table', { name: 'API tokens' }).getByText('grafana dashboard')).toBeVisible()
      await page.screenshot({ path: `${OUT}/settings-tokens-${theme}.png` })
      await page.getByRole('button', { name: 'Create token' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Create API token' })
      await dialog.getByLabel('Name').fill(`CI pipeline (${theme})`)
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/settings-token-create-${theme}.png` })
      await dialog.getByRole('button', { name: 'Create token' }).click()
      await expect(page.getByText('it will not be shown again')).toBeVisible()
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/settings-token-created-${theme}.png` })
      await page.getByRole('button', { name: 'Done' }).click()

      await page.goto('/settings/audit')
      await expect(page.getByRole('table', { name: 'Audit log' }).getByText('token.create').first()).toBeVisible()
      await page.screenshot({ path: `${OUT}/settings-audit-${theme}.png` })
    })
  }

  test.describe('signed out', () => {
    test.use({ account: null })
    for (const theme of ['light', 'dark'] as const) {
      test(`sign-in, ${theme}`, async ({ page, consoleProblems }) => {
        consoleProblems.allowHttpStatus(401)
        await page.addInitScript((t) => localStorage.setItem('baton-theme', t), theme)
        await page.setViewportSize({ width: 1280, height: 800 })
        await page.goto('/sign-in')
        await expect(page.getByRole('heading', { name: 'Sign in to Baton' })).toBeVisible()
        await page.screenshot({ path: `${OUT}/sign-in-${theme}.png` })
        await page.getByLabel('Username').fill('admin')
        await page.getByLabel('Password').fill('not-the-password')
        await page.getByRole('button', { name: 'Sign in' }).click()
        await expect(page.getByRole('alert')).toBeVisible()
        await page.screenshot({ path: `${OUT}/sign-in-error-${theme}.png` })
      })
    }
  })

  test('phone, light', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/projects')
    await expect(page.getByRole('link', { name: 'Checkout redesign' })).toBeVisible()
    await page.screenshot({ path: `${OUT}/projects-mobile.png` })
    await page.getByRole('button', { name: 'Open navigation' }).click()
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${OUT}/navigation-mobile.png` })
  })
})

test.describe('@screenshots executions', () => {
  let completedId = ''
  let runningId = ''
  let runningPlanId = ''

  test.beforeAll(async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL })
    const login = await anonymous.post('/api/auth/login', { data: { username: 'admin', password: 'admin-password-e2e' } })
    const { access_token } = (await login.json()) as { access_token: string }
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${access_token}` } })
    const projects = (await (await request.get('/api/projects?q=Example')).json()) as { items: { id: string }[] }
    const example = projects.items[0]!.id
    const start = async (projectId: string) => ((await (await request.post(`/api/projects/${projectId}/start`, { data: {} })).json()) as { id: string }).id
    completedId = await start(example)
    for (let i = 0; i < 40; i++) {
      const detail = (await (await request.get(`/api/executions/${completedId}`)).json()) as { status: string }
      if (detail.status === 'completed') break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    // A second plan of the example project that stops half way, to show a running execution.
    const plan = await request.post(`/api/projects/${example}/plans`, {
      data: {
        name: 'payments-hardening',
        tasks: [
          { id: 'audit', agent: 'security-specialist', prompt: 'Audit the payment flow [fake:delay=40]' },
          { id: 'fix-csrf', agent: 'backend-expert', prompt: 'Fix the CSRF gap [fake:delay=60]', depends_on: ['audit'] },
          { id: 'rate-limit', agent: 'backend-expert', prompt: 'Rate-limit the API [fake:hang]', depends_on: ['audit'] },
          { id: 'pen-test', agent: 'qa-test-engineer', prompt: 'Re-test [fake:hang]', depends_on: ['fix-csrf'] },
          { id: 'release', agent: 'devops-sre-expert', prompt: 'Ship it', depends_on: ['rate-limit', 'pen-test'] },
        ],
      },
    })
    runningPlanId = ((await plan.json()) as { id: string }).id
    runningId = ((await (await request.post(`/api/projects/${example}/start`, { data: { plan_id: runningPlanId } })).json()) as { id: string }).id
    await new Promise((resolve) => setTimeout(resolve, 3000))
    await request.dispose()
    await anonymous.dispose()
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`desktop, ${theme}`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('baton-theme', t), theme)
      await page.setViewportSize({ width: 1280, height: 800 })

      await page.goto('/executions')
      await expect(page.getByRole('link', { name: 'checkout-feature' }).first()).toBeVisible()
      await expect(page.getByText('7/7 done').first()).toBeVisible()
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/executions-${theme}.png` })

      // Taller, not full-page: the sidebar is fixed and would be cut in a full-page picture.
      await page.setViewportSize({ width: 1280, height: 1300 })
      await page.goto(`/executions/${completedId}`)
      await expect(page.getByText('7/7 completed')).toBeVisible()
      const log = page.getByRole('log', { name: 'Log' })
      await log.locator('[data-kind="tool_use"]').first().getByText('Input').click()
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/execution-detail-${theme}.png` })

      await page.goto(`/executions/${runningId}`)
      await expect(page.getByRole('table', { name: 'Tasks' }).locator('[data-task="rate-limit"]')).toContainText('Running')
      await page.waitForTimeout(1500)
      await page.screenshot({ path: `${OUT}/execution-running-${theme}.png` })

      // The Flow page: the running plan's graph, then a node's panel with its live log.
      await page.setViewportSize({ width: 1440, height: 900 })
      await page.goto(`/flow/${runningId}`)
      await expect(page.locator('[data-kind="task"][data-state="running"]').first()).toBeVisible()
      await page.waitForTimeout(1000)
      await page.screenshot({ path: `${OUT}/flow-${theme}.png` })
      await page.getByRole('group', { name: /^Task fix-csrf,/ }).click()
      await expect(page.getByRole('log', { name: 'Log' }).getByText(/I'll start on/).first()).toBeVisible()
      await page.waitForTimeout(500)
      await page.screenshot({ path: `${OUT}/flow-panel-${theme}.png` })

      // The plan editor on the same plan: canvas, palette and YAML side by side.
      await page.goto(`/plans/${runningPlanId}`)
      await expect(page.getByRole('textbox', { name: 'Plan YAML' })).toContainText('payments-hardening')
      await page.waitForTimeout(800)
      await page.screenshot({ path: `${OUT}/plan-editor-${theme}.png` })

      await page.setViewportSize({ width: 1280, height: 1000 })
      await page.goto('/agents/collaboration')
      await expect(page.getByRole('table', { name: 'Hand-offs' })).toBeVisible()
      await page.waitForTimeout(800)
      await page.screenshot({ path: `${OUT}/collaboration-${theme}.png` })
    })
  }
})

test.describe('@screenshots agents and integrations', () => {
  const claudeDir = process.env.BATON_E2E_CLAUDE_DIR
  let sessionId = ''

  test.beforeAll(async ({ playwright, baseURL }) => {
    test.skip(!claudeDir, 'needs the server’s --claude-dir, which only a server started by playwright.config.ts has')
    test.setTimeout(120_000)
    const anonymous = await playwright.request.newContext({ baseURL })
    const { access_token } = await loginThroughApi(anonymous, ADMIN)
    await anonymous.dispose()
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${access_token}` } })
    // Sessions and runs land in the projects whose folders or names they give (409 when the first describe made them).
    for (const project of SEED.filter((p) => ['Checkout redesign', 'Payments service', 'Data pipeline'].includes(p.name))) {
      await request.post('/api/projects', { data: project })
    }

    await writeAgentCatalog(claudeDir!)
    const agents = async () => ((await (await request.get('/api/agents')).json()) as { items: { name: string; definition: unknown }[] }).items
    await expect.poll(async () => (await agents()).filter((a) => a.definition).length).toBeGreaterThanOrEqual(7)

    // A plan run of the example project, first and so the oldest: its agents get durations and costs.
    const projects = (await (await request.get(`/api/projects?q=${encodeURIComponent('Example: checkout')}`)).json()) as { items: { id: string }[] }
    const example = projects.items[0]!.id
    const start = async (planId?: string) => {
      const response = await request.post(`/api/projects/${example}/start`, { data: planId ? { plan_id: planId } : {} })
      expect(response.status(), await response.text()).toBe(201)
      return ((await response.json()) as { id: string }).id
    }
    const planRun = await start()
    await expect
      .poll(async () => ((await (await request.get(`/api/executions/${planRun}`)).json()) as { status: string }).status, { timeout: 60_000 })
      .toBe('completed')

    // What the integrations report, newest last: the activity feed shows all three sources.
    const token = await request.post('/api/tokens', { data: { name: 'Claude Code hooks', role: 'ingest' } })
    expect(token.status(), await token.text()).toBe(201)
    const ingest = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Bearer ${((await token.json()) as { token: string }).token}` },
    })
    await reportFixSession(ingest)
    await reportOrchestratorRun(ingest)
    await reportRunningSession(ingest)
    await ingest.dispose()

    // And a plan at work: backend-expert's task never ends (the simulated agent hangs).
    const plan = await request.post(`/api/projects/${example}/plans`, {
      data: {
        name: 'partial-refunds',
        tasks: [
          { id: 'acceptance-criteria', agent: 'business-analyst', prompt: 'Write the acceptance criteria for partial refunds [fake:delay=40]' },
          { id: 'refunds-api', agent: 'backend-expert', prompt: 'Add partial amounts to POST /refunds [fake:hang]', depends_on: ['acceptance-criteria'] },
          { id: 'refund-dialog', agent: 'frontend-expert', prompt: 'Add the refund dialog to the order page', depends_on: ['refunds-api'] },
        ],
      },
    })
    expect(plan.status(), await plan.text()).toBe(201)
    await start(((await plan.json()) as { id: string }).id)
    await expect
      .poll(async () => ((await (await request.get('/api/agents/backend-expert/status')).json()) as { status: string }).status, { timeout: 15_000 })
      .toBe('running')

    const sessions = (await (await request.get('/api/executions?agent=code-reviewer')).json()) as { items: { id: string; source: string }[] }
    sessionId = sessions.items.find((e) => e.source === 'hooks')!.id
    await request.dispose()
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`desktop, ${theme}`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('baton-theme', t), theme)

      // The activity feed, scrolled to just under the sticky header.
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto('/')
      const activity = page.getByRole('region', { name: 'Recent activity' })
      await expect(activity.locator('[data-source="notify"]').first()).toBeVisible()
      await expect(activity.locator('[data-source="plan"]').first()).toBeVisible()
      const top = (await activity.boundingBox())!.y
      await page.evaluate((y) => window.scrollTo(0, y - 56 - 24), top)
      await page.waitForTimeout(500)
      await page.screenshot({ path: `${OUT}/dashboard-${theme}.png` })

      // Tall enough for the oldest row, the orchestrator.sh run, under the other describes' executions.
      await page.setViewportSize({ width: 1280, height: 1120 })
      await page.goto('/executions')
      const executions = page.getByRole('table', { name: 'Executions' })
      await expect(executions.locator('[data-source="notify"]').first()).toBeVisible()
      await expect(executions.locator('[data-source="hooks"]').first()).toBeVisible()
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/executions-integrations-${theme}.png` })

      // Taller, not full-page: the sidebar is fixed and would be cut in a full-page picture.
      await page.setViewportSize({ width: 1280, height: 1100 })
      await page.goto('/agents')
      const agents = page.getByRole('list', { name: 'Agents' })
      await expect(agents.getByRole('article', { name: 'code-reviewer', exact: true })).toContainText('100%')
      await expect(agents.getByRole('article', { name: 'devops-sre-expert', exact: true })).toContainText('Could not read its file')
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/agents-${theme}.png` })

      await page.setViewportSize({ width: 1280, height: 2800 })
      await page.goto('/agents/backend-expert')
      await expect(page.getByRole('heading', { name: 'backend-expert', level: 1 })).toBeVisible()
      await page.getByRole('region', { name: 'About' }).getByText('Example 1').click()
      await expect(page.getByRole('table', { name: 'Recent tasks' }).locator('[data-source="notify"]').first()).toBeVisible()
      await expect(page.getByRole('region', { name: 'Configuration' }).getByRole('textbox')).toBeVisible()
      await page.waitForTimeout(800)
      // The whole page, down to the configuration editor, however many recent tasks there are.
      await page.setViewportSize({ width: 1280, height: await page.evaluate(() => document.documentElement.scrollHeight) })
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/agent-detail-${theme}.png` })

      await page.setViewportSize({ width: 1280, height: 1600 })
      await page.goto(`/executions/${sessionId}`)
      const log = page.getByRole('log', { name: 'Log' })
      await expect(page.getByRole('table', { name: 'Tasks' }).locator('tr[data-task^="qa-test-engineer-"]')).toContainText('Completed')
      await expect(log.locator('[data-kind="hook"]').filter({ hasText: 'Notification' })).toBeVisible()
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/session-detail-${theme}.png` })
    })
  }
})

test.describe('configuration @screenshots', () => {
  const everything = path.resolve('node_modules/.bin/mcp-server-everything')
  let projectId = ''
  let changedBundle = ''

  test.beforeAll(async ({ playwright, baseURL }) => {
    test.setTimeout(120_000)
    const anonymous = await playwright.request.newContext({ baseURL })
    const { access_token } = await loginThroughApi(anonymous, ADMIN)
    await anonymous.dispose()
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${access_token}` } })
    const put = (url: string, config: unknown) => request.put(url, { data: { config } })
    await put('/api/config/global', { limits: { max_agents: 6 }, logs: { retention_days: 30 } })
    await put('/api/config/global', {
      limits: { max_agents: 6, default_budget_usd: 10 },
      logs: { retention_days: 30 },
      runner: { env: { ANTHROPIC_API_KEY: { secret: 'sk-ant-example-not-real' }, NODE_ENV: 'production' } },
      mcp: { check_interval: '2m' },
      notifications: { task_retried: false },
    })
    const projects = (await (await request.get('/api/projects?q=Checkout')).json()) as { items: { id: string }[] }
    projectId = projects.items[0]?.id ?? ''
    if (projectId) {
      await put(`/api/config/projects/${projectId}`, {
        settings: { limits: { default_budget_usd: 4 } },
        env: { STRIPE_KEY: { secret: 'sk_test_example' }, REGION: 'eu-west-1' },
        agents: { reviewer: { model: 'opus', timeout_s: 1800 } },
      })
    }
    for (const server of [
      { name: 'everything', type: 'stdio', command: everything },
      { name: 'search', type: 'http', url: 'http://127.0.0.1:9/mcp', headers: { Authorization: { secret: 'Bearer example' } } },
      { name: 'github-tools', type: 'stdio', command: 'github-mcp-server-not-installed' },
    ]) {
      await request.post('/api/mcp-servers', { data: server })
      for (let i = 0; i < 4; i++) await request.get(`/api/mcp-servers/${server.name}/status`)
    }
    const hook = await request.post('/api/webhooks', {
      data: { name: 'Slack relay', url: 'http://127.0.0.1:9/slack', events: ['execution:failed', 'execution:completed'] },
    })
    const { id } = (await hook.json()) as { id: string }
    await request.post(`/api/webhooks/${id}/test`)
    await request.post('/api/webhooks', { data: { name: 'CI status', url: 'https://ci.example.com/hooks/baton', events: [] } })
    const exported = await request.post('/api/config/export', { data: { format: 'yaml' } })
    changedBundle = (await exported.text()).replace('max_agents: 6', 'max_agents: 12').replace('retention_days: 30', 'retention_days: 14')
    await request.dispose()
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`desktop, ${theme}`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('baton-theme', t), theme)
      await page.setViewportSize({ width: 1280, height: 1000 })
      await page.goto('/configuration/global')
      await expect(page.getByRole('table', { name: 'Effective configuration' })).toContainText('limits.max_agents')
      await page.waitForTimeout(600)
      await page.screenshot({ path: `${OUT}/configuration-global-${theme}.png` })

      if (projectId) {
        await page.goto(`/configuration/projects/${projectId}`)
        await expect(page.getByRole('table', { name: 'Effective configuration' })).toContainText('STRIPE_KEY')
        await page.waitForTimeout(600)
        await page.screenshot({ path: `${OUT}/configuration-project-${theme}.png` })
      }

      await page.goto('/configuration/mcp')
      await expect(page.getByRole('row').filter({ hasText: 'everything' }).first()).toContainText('OK', { timeout: 20_000 })
      await page.waitForTimeout(400)
      await page.screenshot({ path: `${OUT}/configuration-mcp-${theme}.png` })
      await page.getByRole('button', { name: 'Open everything', exact: true }).click()
      await expect(page.getByRole('dialog').getByRole('list', { name: 'Tools' })).toBeVisible()
      await page.waitForTimeout(400)
      await page.screenshot({ path: `${OUT}/configuration-mcp-detail-${theme}.png` })
      await page.keyboard.press('Escape')

      await page.goto('/configuration/webhooks')
      await expect(page.getByRole('table', { name: 'Webhooks' })).toContainText('Slack relay')
      await page.waitForTimeout(400)
      await page.screenshot({ path: `${OUT}/configuration-webhooks-${theme}.png` })

      await page.goto('/configuration/import-export')
      await page.getByLabel('Bundle').fill(changedBundle)
      await page.getByRole('button', { name: 'Preview changes' }).click()
      await expect(page.getByRole('region', { name: 'Preview' }).getByRole('list', { name: 'Summary' })).toContainText('1 updated')
      await page.waitForTimeout(400)
      await page.screenshot({ path: `${OUT}/configuration-import-${theme}.png` })
    })
  }
})
