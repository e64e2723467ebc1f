import path from 'node:path'

import type { APIRequestContext } from '@playwright/test'

import { expect, test, uniqueName } from './fixtures'

const BIN = path.resolve(process.env.BATON_BIN ?? '../target/release/baton')

// Agents of this spec alone, so the counts are exact however many other runs the server has seen.
const run = Date.now().toString(36)
const PLANNER = `planner-${run}`
const BUILDER = `builder-${run}`
const CHECKER = `checker-${run}`

/**
 * A project whose plan hands work across three agents:
 * planner → builder twice (api and ui wait on spec), builder → itself twice (integrate waits on both),
 * builder → checker once and planner → checker once (verify waits on integrate and spec).
 */
async function runTeamPlan(request: APIRequestContext) {
  const created = await request.post('/api/projects', { data: { name: uniqueName('Collaboration') } })
  expect(created.status(), await created.text()).toBe(201)
  const project = (await created.json()) as { id: string; name: string }
  for (const agent of [PLANNER, BUILDER, CHECKER]) {
    const config = await request.put(`/api/agents/${agent}/config?project_id=${project.id}`, {
      data: { runner: 'claude', command: [BIN, 'fake-claude'] },
    })
    expect(config.ok(), await config.text()).toBe(true)
  }
  const task = (id: string, agent: string, depends_on: string[] = []) => ({ id, agent, prompt: `${id} [fake:delay=20]`, depends_on })
  const plan = await request.post(`/api/projects/${project.id}/plans`, {
    data: {
      name: 'team',
      tasks: [
        task('spec', PLANNER),
        task('api', BUILDER, ['spec']),
        task('ui', BUILDER, ['spec']),
        task('integrate', BUILDER, ['api', 'ui']),
        task('verify', CHECKER, ['integrate', 'spec']),
      ],
    },
  })
  expect(plan.status(), await plan.text()).toBe(201)
  const { id: planId } = (await plan.json()) as { id: string }

  const started = await request.post(`/api/projects/${project.id}/start`, { data: { plan_id: planId } })
  expect(started.status(), await started.text()).toBe(201)
  const execution = (await started.json()) as { id: string }
  await expect
    .poll(async () => ((await (await request.get(`/api/executions/${execution.id}`)).json()) as { status: string }).status, {
      timeout: 30_000,
    })
    .toBe('completed')
  return project
}

test.describe.configure({ timeout: 60_000 })

test('the agents a plan hands work between show as a graph and a table, reached from the Agents page', async ({ page, api }) => {
  const project = await runTeamPlan(api.request)

  await page.goto('/agents')
  await page.getByRole('link', { name: 'Collaboration' }).click()
  await expect(page).toHaveURL(/\/agents\/collaboration$/)
  await expect(page.getByRole('heading', { name: 'Agent collaboration', level: 1 })).toBeVisible()

  // The table: each pair with its exact count and executions, busiest first.
  const table = page.getByRole('table', { name: 'Hand-offs' })
  const plannerToBuilder = table.getByRole('row', { name: `${PLANNER} hands work to ${BUILDER}: 2 hand-offs in 1 execution` })
  await expect(plannerToBuilder).toBeVisible()
  await expect(plannerToBuilder.getByRole('cell').nth(2)).toHaveText('2')
  await expect(plannerToBuilder.getByRole('cell').nth(3)).toHaveText('1')
  await expect(table.getByRole('row', { name: `${BUILDER} hands work to itself: 2 hand-offs in 1 execution` })).toContainText('itself')
  await expect(table.getByRole('row', { name: `${BUILDER} hands work to ${CHECKER}: 1 hand-off in 1 execution` })).toBeVisible()
  await expect(table.getByRole('row', { name: `${PLANNER} hands work to ${CHECKER}: 1 hand-off in 1 execution` })).toBeVisible()

  // The graph: the three agents with what they did, the hand-off with its count, the self hand-off on its agent.
  const graph = page.getByRole('region', { name: 'Collaboration graph' })
  await expect(graph.getByRole('link', { name: `${PLANNER}: 1 task, 1 execution` })).toBeVisible()
  const builder = graph.getByRole('link', { name: `${BUILDER}: 3 tasks, 1 execution, hands work to itself 2 times` })
  await expect(builder).toBeVisible()
  await expect(builder).toContainText('3 tasks · 1 run')
  await expect(graph.getByRole('link', { name: `${CHECKER}: 1 task, 1 execution` })).toBeVisible()
  await expect(graph.getByRole('img', { name: `${PLANNER} hands work to ${BUILDER}: 2 hand-offs in 1 execution` })).toBeAttached()
  await expect(graph.locator(`[data-edge="${PLANNER}\u2192${BUILDER}"]`)).toHaveText('2')

  // Only this project, then only the last day: both in the URL, and the same team.
  await page.getByRole('combobox', { name: 'Filter by project' }).click()
  await page.getByRole('option', { name: project.name }).click()
  await expect(page).toHaveURL(new RegExp(`[?&]project=${project.id}`))
  await expect(page.getByText('3 agents · 4 hand-offs · 2 to themselves')).toBeVisible()
  await page.getByRole('tab', { name: '24h' }).click()
  await expect(page).toHaveURL(/[?&]range=24h/)
  await expect(page.getByRole('tab', { name: '24h' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByText('3 agents · 4 hand-offs · 2 to themselves')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Filter by project' })).toHaveText(project.name)

  // Sorting by count the other way puts a single hand-off first.
  await table.getByRole('button', { name: 'Hand-offs' }).click()
  await expect(table.getByRole('columnheader', { name: 'Hand-offs' })).toHaveAttribute('aria-sort', 'ascending')
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('1')

  // An agent opens its page.
  await graph.getByRole('link', { name: new RegExp(`^${CHECKER}:`) }).click()
  await expect(page).toHaveURL(`/agents/${CHECKER}`)
})

test('a project without plan runs explains where the edges come from', async ({ page, api }) => {
  const project = await api.createProject({ name: uniqueName('Quiet') })
  await page.goto(`/agents/collaboration?project=${project.id}`)
  await expect(page.getByRole('heading', { name: 'No plan runs in this range' })).toBeVisible()
  await expect(page.getByText(/Edges come from plan dependencies/)).toBeVisible()
  await page.getByRole('button', { name: 'All projects' }).click()
  await expect(page).toHaveURL(/\/agents\/collaboration$/)
})
