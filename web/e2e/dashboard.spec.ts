import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test, uniqueName } from './fixtures'

const EXAMPLE = 'Example: checkout feature (simulated agents)'

async function exampleProjectId(request: APIRequestContext) {
  const response = await request.get(`/api/projects?q=${encodeURIComponent('Example: checkout')}`)
  const page = (await response.json()) as { items: { id: string; name: string }[] }
  const example = page.items.find((p) => p.name === EXAMPLE)
  expect(example, 'the example project of a new data directory').toBeDefined()
  return example!.id
}

/** The socket is connected (the header's dot says Live): events from now on reach the page. */
async function waitUntilLive(page: Page) {
  await expect(page.getByRole('status', { name: 'Live' })).toBeVisible({ timeout: 15_000 })
}

test('the dashboard follows a run of the example project live: agents, activity, metrics and health', async ({ page, api }) => {
  // A real run of seven simulated tasks, followed from start to end.
  test.setTimeout(60_000)
  const projectId = await exampleProjectId(api.request)
  const before = (await (await api.request.get('/api/agents/status')).json()) as { agents: unknown[] }

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page')

  // System health: host gauges, Baton's version and uptime, queues.
  const health = page.getByRole('region', { name: 'System health' })
  await expect(health.getByText(/^Baton .+ · up /)).toBeVisible()
  await expect(health.getByRole('meter', { name: 'Memory used' })).toBeVisible()
  await expect(health.getByRole('meter', { name: 'Disk used' })).toBeVisible()
  await expect(health.getByText('Connected clients')).toBeVisible()
  await expect(health.getByText('Tasks running')).toBeVisible()

  const agents = page.getByRole('region', { name: 'Agents' })
  if (before.agents.length === 0) {
    await expect(agents.getByText('No agents have run yet — start the example project')).toBeVisible()
  }
  await waitUntilLive(page)

  // Start the plan behind the page's back; everything below arrives through the socket.
  const started = await api.request.post(`/api/projects/${projectId}/start`, { data: {} })
  expect(started.status(), await started.text()).toBe(201)
  const execution = (await started.json()) as { id: string }
  const href = `/executions/${execution.id}`

  // An agent card turns "running" with this execution's task (checked every frame: tasks take about a second).
  await page.waitForFunction(
    (link) => Array.from(document.querySelectorAll('article[data-state="running"]')).some((card) => card.querySelector(`a[href="${link}"]`)),
    href,
    { polling: 'raf', timeout: 15_000 },
  )

  const feed = page.getByRole('log', { name: 'Recent activity' })
  const ofThisRun = (kind: string) => feed.locator(`li[data-kind="${kind}"]`).filter({ has: page.locator(`a[href="${href}"]`) })
  await expect(ofThisRun('execution_started')).toHaveCount(1, { timeout: 15_000 })
  await expect(ofThisRun('task_started').first()).toBeVisible()
  await expect(ofThisRun('execution_completed')).toHaveCount(1, { timeout: 30_000 })
  await expect(ofThisRun('task_completed')).toHaveCount(7)

  // Every agent of the plan has a card, all idle again once the run is over.
  const grid = agents.getByRole('list', { name: 'Agents' })
  const team = ['business-analyst', 'database-architect', 'backend-expert', 'frontend-expert', 'security-specialist', 'qa-test-engineer', 'devops-sre-expert']
  for (const agent of team) {
    await expect(grid.getByRole('article', { name: agent, exact: true })).toHaveAttribute('data-state', 'idle')
  }
  await expect(agents.getByText(/^0 running$/)).toBeVisible()

  // The charts re-read once the run ended.
  const metrics = page.getByRole('region', { name: 'Execution metrics' })
  await expect(metrics.getByRole('figure', { name: 'Executions' }).locator('svg.recharts-surface')).toBeVisible({ timeout: 10_000 })
  await expect(metrics.getByText('No executions ended in this range.')).toHaveCount(0)
  await expect(metrics.getByRole('figure', { name: 'Task duration' }).locator('svg.recharts-surface')).toBeVisible()

  // The range is in the URL.
  await metrics.getByRole('tab', { name: '7d' }).click()
  await expect(page).toHaveURL(/\/\?range=7d$/)
  await expect(metrics.getByText('Last 7 days')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('region', { name: 'Execution metrics' }).getByRole('tab', { name: '7d' })).toHaveAttribute('aria-selected', 'true')

  // An activity entry opens its execution.
  await page.getByRole('log', { name: 'Recent activity' }).locator(`li[data-kind="execution_completed"] a[href="${href}"]`).click()
  await expect(page).toHaveURL(href)
})

test('Ctrl+K finds a project by name and Enter opens it; ? lists the shortcuts; g chords navigate', async ({ page, api }) => {
  const project = await api.createProject({ name: uniqueName('Palette target') })

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await page.keyboard.press('Control+K')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  await palette.getByRole('combobox', { name: 'Search pages, projects, executions and commands' }).fill(project.name)
  const option = palette.getByRole('option', { name: project.name })
  await expect(option).toBeVisible()
  await expect(option).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/projects/${project.id}`)
  await expect(palette).toBeHidden()
  await expect(page.getByRole('heading', { name: project.name, level: 1 })).toBeVisible()

  // The header's button opens it too; pages are there before anything is typed.
  await page.getByRole('button', { name: 'Search and commands' }).click()
  await expect(palette.getByRole('option', { name: /Executions/ }).first()).toBeVisible()
  await palette.getByRole('combobox').fill('audit')
  await expect(palette.getByRole('option', { name: /Audit log/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(palette).toBeHidden()

  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await expect(help.getByText('Open the command palette')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()

  await page.keyboard.press('g')
  await page.keyboard.press('e')
  await expect(page).toHaveURL(/\/executions$/)
  await page.keyboard.press('g')
  await page.keyboard.press('d')
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()

  // Typing in a field is typing, not a shortcut.
  await page.goto('/projects')
  await page.getByLabel('Search projects').fill('g p ?')
  await expect(page).toHaveURL(/\/projects/)
  await expect(help).toBeHidden()
})
