import path from 'node:path'

import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test'

import { signInContext } from './auth-helpers'
import { ADMIN, expect, test, uniqueName } from './fixtures'

const BIN = path.resolve(process.env.BATON_BIN ?? '../target/release/baton')

type Task = { id: string; prompt: string; depends_on?: string[] }

/** A fresh project whose agent is the simulated one, with a default plan named `plan` of these tasks. */
async function projectWithPlan(request: APIRequestContext, plan: string, tasks: Task[]) {
  const created = await request.post('/api/projects', { data: { name: uniqueName('Live') } })
  expect(created.status(), await created.text()).toBe(201)
  const project = (await created.json()) as { id: string; name: string }
  const agent = await request.put(`/api/agents/backend-expert/config?project_id=${project.id}`, {
    data: { runner: 'claude', command: [BIN, 'fake-claude'] },
  })
  expect(agent.ok(), await agent.text()).toBe(true)
  const saved = await request.post(`/api/projects/${project.id}/plans?default=true`, {
    data: { name: plan, tasks: tasks.map((t) => ({ agent: 'backend-expert', ...t })) },
  })
  expect(saved.status(), await saved.text()).toBe(201)
  return project
}

async function start(request: APIRequestContext, projectId: string) {
  const response = await request.post(`/api/projects/${projectId}/start`, { data: {} })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()) as { id: string; name: string }
}

/** A second signed-in browser, whose console is watched like the first one's. */
async function secondViewer(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL })
  await signInContext(context, ADMIN)
  const problems: string[] = []
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  })
  return { context, problems, page: await context.newPage() }
}

/** How many times the page asked for one execution's details. */
function countDetailRequests(page: Page, executionId: string) {
  let count = 0
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/executions/${executionId}`) count += 1
  })
  return () => count
}

// Each test watches real (simulated) agents work for a while.
test.describe.configure({ timeout: 60_000 })

function planName(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}`
}

test('a run shows up, progresses and ends live on the executions page and, in another browser, on its page', async ({
  page,
  api,
  browser,
  baseURL,
}) => {
  const name = planName('live-run')
  const project = await projectWithPlan(api.request, name, [
    // Slow enough to watch every step, even on a busy machine: about 9 s, then 5 s and 5 s.
    { id: 'plan', prompt: 'Plan the work [fake:delay=900]' },
    { id: 'build', prompt: 'Build it [fake:delay=500]', depends_on: ['plan'] },
    { id: 'ship', prompt: 'Ship it [fake:delay=500]', depends_on: ['build'] },
  ])

  await page.goto('/executions')
  await expect(page.getByRole('status', { name: 'Live' })).toBeAttached()
  await expect(page.getByRole('heading', { name: 'Active' })).toBeVisible()

  const execution = await start(api.request, project.id)
  let other: BrowserContext | undefined
  try {
    // The executions page was open before the run started: it appears in Active without a reload.
    const active = page.getByRole('list', { name: 'Active executions' })
    const row = active.getByRole('listitem', { name })
    await expect(row).toBeVisible()
    await expect(row.getByRole('link', { name })).toHaveAttribute('href', `/executions/${execution.id}`)
    await expect(row).toContainText(project.name)
    const bar = row.getByRole('progressbar', { name: `Progress of ${name}` })
    await expect(bar).toHaveAttribute('aria-valuemax', '3')
    await expect(bar).toHaveAttribute('aria-valuenow', '0')
    // The running task is named.
    await expect(row.getByRole('list', { name: 'Running tasks' })).toContainText('plan')

    // Another browser opens the execution's page while it runs.
    const viewer = await secondViewer(browser, baseURL)
    other = viewer.context
    const detailRequests = countDetailRequests(viewer.page, execution.id)
    await viewer.page.goto(`/executions/${execution.id}`)
    await expect(viewer.page.getByRole('heading', { name, level: 1 })).toBeVisible()
    await expect(viewer.page.locator('main header').getByText('Running', { exact: true })).toBeVisible()

    // The history lists it too, running, on top.
    const history = page.getByRole('table', { name: 'Executions' })
    const historyRow = history.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
    await expect(historyRow).toContainText('Running')

    // Tasks finish one by one, and the cost so far grows.
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
    await expect(row).toContainText(/[12]\/3 tasks/)
    await expect(row.getByText(/^\$0\.0[1-9]/)).toBeVisible()

    // Meanwhile, the other browser follows on the execution's page: tasks, progress, log.
    const tasks = viewer.page.getByRole('table', { name: 'Tasks' })
    const log = viewer.page.getByRole('log', { name: 'Log' })
    await expect(tasks.locator('[data-task="plan"]')).toContainText('Completed')
    await expect(log.getByText('I\'ll start on: Plan the work')).toBeVisible()
    await expect(log.getByText('I\'ll start on: Build it')).toBeVisible()

    // The end: it leaves Active, the history shows it completed, the other page says so too.
    await expect(row).toHaveCount(0, { timeout: 20_000 })
    await expect(historyRow).toContainText('Completed')
    await expect(historyRow).toContainText('3/3 done')
    await expect(historyRow).toContainText(project.name)

    await expect(viewer.page.locator('main header').getByText('Completed', { exact: true })).toBeVisible()
    await expect(viewer.page.getByRole('progressbar', { name: 'Tasks finished' })).toHaveAttribute('aria-valuenow', '3')
    await expect(tasks.locator('[data-task="ship"]')).toContainText('Completed')
    await expect(log.getByText('I\'ll start on: Ship it')).toBeVisible()
    await expect(viewer.page.getByRole('button', { name: /Re-run/ })).toBeVisible()

    // All of that came over the socket: the page read the execution once, and once more at its end.
    expect(detailRequests()).toBeLessThanOrEqual(3)
    expect(viewer.problems, 'console errors in the second browser').toEqual([])
  } finally {
    await other?.close()
  }
})

test('cancel a run from the executions page; another browser on its page sees it cancelled', async ({ page, api, browser, baseURL }) => {
  const name = planName('cancel-me')
  const project = await projectWithPlan(api.request, name, [
    { id: 'warm-up', prompt: 'Look around [fake:delay=0]' },
    { id: 'stuck', prompt: 'Wait forever [fake:hang]', depends_on: ['warm-up'] },
  ])
  await page.goto('/executions')
  const execution = await start(api.request, project.id)

  let other: BrowserContext | undefined
  try {
    const viewer = await secondViewer(browser, baseURL)
    other = viewer.context
    await viewer.page.goto(`/executions/${execution.id}`)
    const tasks = viewer.page.getByRole('table', { name: 'Tasks' })
    await expect(tasks.locator('[data-task="stuck"]')).toContainText('Running', { timeout: 15_000 })

    const row = page.getByRole('list', { name: 'Active executions' }).getByRole('listitem', { name })
    await expect(row.getByRole('list', { name: 'Running tasks' })).toContainText('stuck')
    await row.getByRole('button', { name: `Cancel ${name}` }).click()
    const confirm = page.getByRole('alertdialog', { name: `Cancel “${name}”?` })
    await confirm.getByRole('button', { name: 'Cancel execution' }).click()
    await expect(page.getByText('Cancelling the execution')).toBeVisible()

    await expect(row).toHaveCount(0, { timeout: 15_000 })
    const historyRow = page
      .getByRole('table', { name: 'Executions' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) })
    await expect(historyRow).toContainText('Cancelled')

    await expect(viewer.page.locator('main header').getByText('Cancelled', { exact: true })).toBeVisible({ timeout: 15_000 })
    await expect(tasks.locator('[data-task="stuck"]')).toContainText('Cancelled')
    await expect(viewer.page.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0)
    expect(viewer.problems, 'console errors in the second browser').toEqual([])
  } finally {
    await other?.close()
  }
})

test('history: search, sort and filters live in the URL', async ({ page, api }) => {
  const name = planName('sorted')
  const project = await projectWithPlan(api.request, name, [{ id: 'quick', prompt: 'Quick [fake:delay=0]' }])
  const execution = await start(api.request, project.id)
  await expect
    .poll(async () => ((await (await api.request.get(`/api/executions/${execution.id}`)).json()) as { status: string }).status, {
      timeout: 15_000,
    })
    .toBe('completed')

  await page.goto('/executions')
  await page.getByLabel('Search executions').fill(name)
  await expect(page).toHaveURL(new RegExp(`q=${name}`))
  const history = page.getByRole('table', { name: 'Executions' })
  await expect(history.getByRole('link', { name, exact: true })).toBeVisible()
  await expect(history.getByRole('row')).toHaveCount(2)

  const cost = history.getByRole('columnheader', { name: 'Cost' })
  await expect(cost).toHaveAttribute('aria-sort', 'none')
  await cost.getByRole('button').click()
  await expect(page).toHaveURL(/sort=cost/)
  await expect(cost).toHaveAttribute('aria-sort', 'descending')
  await cost.getByRole('button').click()
  await expect(page).toHaveURL(/order=asc/)
  await expect(cost).toHaveAttribute('aria-sort', 'ascending')

  await page.getByLabel('Filter by agent').click()
  await page.getByRole('option', { name: 'backend-expert' }).click()
  await expect(page).toHaveURL(/agent=backend-expert/)
  await expect(history.getByRole('link', { name, exact: true })).toBeVisible()

  await page.getByRole('button', { name: /^Filter by date/ }).click()
  await page.getByRole('button', { name: 'Today' }).click()
  await expect(page).toHaveURL(/since=\d{4}-\d{2}-\d{2}/)
  await expect(history.getByRole('link', { name, exact: true })).toBeVisible()

  // Survives a reload, and clearing brings back the whole history.
  await page.reload()
  await expect(page.getByLabel('Search executions')).toHaveValue(name)
  await expect(history.getByRole('columnheader', { name: 'Cost' })).toHaveAttribute('aria-sort', 'ascending')
  await page.getByLabel('Search executions').fill('no run is called this')
  await expect(page.getByText('No matching executions')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page).not.toHaveURL(/q=|agent=|since=/)
  await expect(page.getByLabel('Search executions')).toHaveValue('')
})
