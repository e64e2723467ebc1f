import path from 'node:path'

import type { APIRequestContext } from '@playwright/test'

import { loginThroughApi } from './auth-helpers'
import { ADMIN, expect, test, uniqueName } from './fixtures'

const EXAMPLE = 'Example: checkout feature (simulated agents)'
const BIN = path.resolve(process.env.BATON_BIN ?? '../target/release/baton')

/** A fresh project whose agent is the simulated one, with a default plan of the given tasks. */
async function projectWithPlan(request: APIRequestContext, tasks: { id: string; prompt: string; depends_on?: string[] }[]) {
  const name = uniqueName('Plan run')
  const created = await request.post('/api/projects', { data: { name } })
  expect(created.status(), await created.text()).toBe(201)
  const project = (await created.json()) as { id: string; name: string }
  const agent = await request.put(`/api/agents/backend-expert/config?project_id=${project.id}`, {
    data: { runner: 'claude', command: [BIN, 'fake-claude'] },
  })
  expect(agent.ok(), await agent.text()).toBe(true)
  const plan = await request.post(`/api/projects/${project.id}/plans?default=true`, {
    data: { name: 'three-steps', tasks: tasks.map((t) => ({ agent: 'backend-expert', ...t })) },
  })
  expect(plan.status(), await plan.text()).toBe(201)
  return project
}

async function exampleProjectId(request: APIRequestContext) {
  const response = await request.get(`/api/projects?q=${encodeURIComponent('Example: checkout')}`)
  const page = (await response.json()) as { items: { id: string; name: string }[] }
  const example = page.items.find((p) => p.name === EXAMPLE)
  expect(example, 'the example project of a new data directory').toBeDefined()
  return example!.id
}

test('start the example project and watch it complete, with its tasks and logs, without reloading', async ({ page, api }) => {
  const projectId = await exampleProjectId(api.request)

  await page.goto(`/projects/${projectId}`)
  await expect(page.getByRole('heading', { name: EXAMPLE, level: 1 })).toBeVisible()
  const plans = page.getByRole('table', { name: 'Plans' })
  await expect(plans.getByRole('row').filter({ hasText: 'checkout-feature' })).toContainText('Default')
  await expect(plans.getByRole('row').filter({ hasText: 'checkout-feature' })).toContainText('7')

  await page.getByRole('button', { name: 'Start', exact: true }).click()
  await expect(page).toHaveURL(/\/executions\/[0-9a-f-]+$/)
  await expect(page.getByRole('heading', { name: 'checkout-feature', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: EXAMPLE })).toBeVisible()

  // The simulated agents take about five seconds; the page follows by itself.
  const tasks = page.getByRole('table', { name: 'Tasks' })
  await expect(tasks.getByRole('row')).toHaveCount(8)
  await expect(page.locator('header').getByText('Completed', { exact: true })).toBeVisible({ timeout: 20_000 })
  await expect(tasks.getByText('Completed', { exact: true })).toHaveCount(7)
  await expect(page.getByRole('progressbar', { name: 'Tasks finished' })).toHaveAttribute('aria-valuenow', '7')
  await expect(page.getByText('7/7 completed')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Re-run/ })).toBeVisible()

  // The log: assistant text, a tool call with its input folded, a result with its cost.
  const log = page.getByRole('log', { name: 'Log' })
  await expect(log.getByText("I'll start on: Prepare the rollout plan.")).toBeVisible()
  const toolCall = log.locator('[data-kind="tool_use"]').filter({ hasText: 'Bash ls' }).first()
  await expect(toolCall).toBeVisible()
  await toolCall.getByText('Input').click()
  await expect(toolCall.getByText('"command": "ls"')).toBeVisible()
  await expect(log.locator('[data-kind="result"]').first()).toContainText('$0.0')

  // Filters and search narrow the log.
  await page.getByLabel('Filter log by task').click()
  await page.getByRole('option', { name: 'deploy' }).click()
  await expect(log.locator('[data-kind="assistant"]').first()).toContainText('rollout')
  await page.getByLabel('Search the log').fill('nothing matches this')
  await expect(page.getByText('No matching lines')).toBeVisible()

  // The list shows it, with a link back.
  const executionUrl = page.url()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Executions' }).click()
  const table = page.getByRole('table', { name: 'Executions' })
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'checkout-feature' }) }).first()
  await expect(row).toContainText('Completed')
  await expect(row).toContainText(EXAMPLE)
  await expect(row).toContainText('7/7 done')
  await row.getByRole('link', { name: 'checkout-feature' }).click()
  await expect(page).toHaveURL(executionUrl)

  // Filters are in the URL.
  await page.goto('/executions')
  await page.getByLabel('Filter by status').click()
  await page.getByRole('option', { name: 'Failed' }).click()
  await expect(page).toHaveURL(/status=failed/)
  await expect(page.getByText('No matching executions')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL(/\/executions$/)
})

test('cancel a running execution after confirming', async ({ page, api }) => {
  const project = await projectWithPlan(api.request, [
    { id: 'prepare', prompt: 'Look around [fake:delay=0]' },
    { id: 'stuck', prompt: 'Wait forever [fake:hang]', depends_on: ['prepare'] },
    { id: 'after', prompt: 'Never runs', depends_on: ['stuck'] },
  ])

  await page.goto('/projects')
  await page.getByLabel('Search projects').fill(project.name)
  await page.getByRole('button', { name: `Actions for ${project.name}` }).click()
  await page.getByRole('menuitem', { name: 'Start' }).click()
  await expect(page).toHaveURL(/\/executions\/[0-9a-f-]+$/)
  await expect(page.getByRole('heading', { name: 'three-steps', level: 1 })).toBeVisible()

  const tasks = page.getByRole('table', { name: 'Tasks' })
  await expect(tasks.locator('[data-task="stuck"]')).toContainText('Running', { timeout: 15_000 })
  await expect(tasks.locator('[data-task="prepare"]')).toContainText('Completed')

  await page.getByRole('button', { name: 'Cancel' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Cancel “three-steps”?' })
  await confirm.getByRole('button', { name: 'Cancel execution' }).click()
  await expect(page.locator('header').getByText('Cancelled', { exact: true })).toBeVisible({ timeout: 15_000 })
  await expect(tasks.locator('[data-task="stuck"]')).toContainText('Cancelled')
  await expect(page.getByRole('button', { name: /Re-run/ })).toBeVisible()

  // Re-run only what did not complete: a new execution, linked to this one.
  const first = page.url()
  await page.getByRole('button', { name: /Re-run/ }).click()
  await expect(page.getByRole('menuitem', { name: 'Only failed tasks' })).toBeEnabled()
  await page.keyboard.press('Escape')

  // The project page lists it; Stop is gone once nothing runs.
  await page.goto(`/projects/${project.id}`)
  const recent = page.getByRole('table', { name: 'Recent executions' })
  await expect(recent.getByRole('row').filter({ hasText: 'Cancelled' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0)
  await recent.getByRole('link', { name: 'three-steps' }).click()
  await expect(page).toHaveURL(first)
})

test('Stop on the project page cancels what runs', async ({ page, api }) => {
  const project = await projectWithPlan(api.request, [{ id: 'forever', prompt: '[fake:hang]' }])
  await page.goto(`/projects/${project.id}`)
  await page.getByRole('button', { name: 'Start', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Tasks' }).locator('[data-task="forever"]')).toContainText('Running', {
    timeout: 15_000,
  })
  await page.goto(`/projects/${project.id}`)
  await page.getByRole('button', { name: 'Stop' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Stop executions' }).click()
  await expect(page.getByText('Stopping 1 execution')).toBeVisible()
  const recent = page.getByRole('table', { name: 'Recent executions' })
  await expect(recent.getByRole('row').filter({ hasText: 'Cancelled' })).toBeVisible({ timeout: 15_000 })
})

test('a project without a default plan says so instead of starting', async ({ page, api }) => {
  const project = await api.createProject({ name: uniqueName('No plan') })
  await page.goto(`/projects/${project.id}`)
  await expect(page.getByText('No plans yet')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled()
  await page.getByLabel('Start: This project has no default plan yet.').hover()
  await expect(page.getByRole('tooltip')).toContainText('This project has no default plan yet.')
})

test.describe('a viewer', () => {
  const viewer = { username: `exec-viewer-${Date.now().toString(36)}`, password: 'viewer-password-1' }
  test.use({ account: viewer })

  test.beforeAll(async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL })
    const { access_token } = await loginThroughApi(anonymous, ADMIN)
    const response = await anonymous.post('/api/users', {
      data: { ...viewer, role: 'viewer' },
      headers: { Authorization: `Bearer ${access_token}` },
    })
    expect(response.status(), await response.text()).toBe(201)
    await anonymous.dispose()
  })

  test('sees executions and their logs but no Start, Stop, Cancel or Re-run', async ({ page, api }) => {
    const project = await projectWithPlan(api.request, [{ id: 'hold', prompt: 'Hold on [fake:hang]' }])
    const started = await api.request.post(`/api/projects/${project.id}/start`, { data: {} })
    expect(started.status(), await started.text()).toBe(201)
    const execution = (await started.json()) as { id: string }

    await page.goto(`/projects/${project.id}`)
    await expect(page.getByRole('heading', { name: project.name, level: 1 })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Recent executions' }).getByRole('link', { name: 'three-steps' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Start', exact: true })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0)

    await page.goto(`/executions/${execution.id}`)
    await expect(page.getByRole('table', { name: 'Tasks' }).locator('[data-task="hold"]')).toContainText('Running', {
      timeout: 15_000,
    })
    await expect(page.getByRole('log', { name: 'Log' }).getByText(/Claude Code session .* started/)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0)

    // Ended, still no Re-run for a viewer.
    const cancelled = await api.request.post(`/api/executions/${execution.id}/cancel`)
    expect(cancelled.status()).toBe(202)
    await expect(page.locator('header').getByText('Cancelled', { exact: true })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('button', { name: /Re-run/ })).toHaveCount(0)

    await page.goto('/executions')
    await expect(page.getByRole('table', { name: 'Executions' }).getByRole('link', { name: 'three-steps' }).first()).toBeVisible()
  })
})
