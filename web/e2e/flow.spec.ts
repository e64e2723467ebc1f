import path from 'node:path'

import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test, uniqueName } from './fixtures'

const BIN = path.resolve(process.env.BATON_BIN ?? '../target/release/baton')

type Task = { id: string; prompt: string; depends_on?: string[] }

/** A fresh project whose agent `backend-expert` is the simulated Claude, running this plan now. */
async function startPlan(request: APIRequestContext, plan: string, tasks: Task[]) {
  const created = await request.post('/api/projects', { data: { name: uniqueName('Flow') } })
  expect(created.status(), await created.text()).toBe(201)
  const project = (await created.json()) as { id: string }
  const agent = await request.put(`/api/agents/backend-expert/config?project_id=${project.id}`, {
    data: { runner: 'claude', command: [BIN, 'fake-claude'] },
  })
  expect(agent.ok(), await agent.text()).toBe(true)
  const started = await request.post('/api/executions', {
    data: { project_id: project.id, plan: { name: plan, tasks: tasks.map((t) => ({ agent: 'backend-expert', ...t })) } },
  })
  expect(started.status(), await started.text()).toBe(201)
  return (await started.json()) as { id: string; name: string }
}

async function waitUntilEnded(request: APIRequestContext, id: string) {
  await expect
    .poll(async () => ((await (await request.get(`/api/executions/${id}`)).json()) as { status: string }).status, { timeout: 40_000 })
    .toBe('completed')
}

/** A task's node, found the way a screen reader announces it: "Task build, agent backend-expert, running". */
function taskNode(page: Page, task: string, state: string) {
  return page.getByRole('group', { name: `Task ${task}, agent backend-expert, ${state}`, exact: true })
}

// Each test watches simulated agents work through a plan.
test.describe.configure({ timeout: 90_000 })

// The simulated Claude prints ~8 lines, `delay` ms apart: about 2.5 s per task, 6 s for the first
// (it must still run when the graph first shows, even on a busy machine).
const PLAN: Task[] = [
  { id: 'plan', prompt: 'Plan the work [fake:delay=800]' },
  { id: 'build', prompt: 'Build it [fake:delay=300]', depends_on: ['plan'] },
  { id: 'docs', prompt: 'Write the docs [fake:delay=300]', depends_on: ['plan'] },
  { id: 'ship', prompt: 'Ship it [fake:delay=300]', depends_on: ['build', 'docs'] },
]

test('the Flow page follows a run live: pending, running, completed, its subagents, and a node’s log', async ({ page, api }) => {
  const name = `flow-live-${Date.now().toString(36)}`
  await page.goto('/flow')
  const execution = await startPlan(api.request, name, PLAN)

  // It appears among the running executions without a reload; picking it shows its graph.
  const rail = page.getByRole('navigation', { name: 'Executions' })
  const item = rail.getByRole('region', { name: 'Running' }).getByRole('link', { name: new RegExp(name) })
  await expect(item).toBeVisible()
  await item.click()
  await expect(page).toHaveURL(new RegExp(`/flow/${execution.id}`))
  await expect(item).toHaveAttribute('aria-current', 'page')

  // Every task of the plan is there from the start, waiting until it runs.
  await expect(taskNode(page, 'plan', 'running')).toBeVisible()
  await expect(taskNode(page, 'ship', 'pending')).toBeVisible()

  // The subagent the first task starts hangs under it, dashed, once its log reports it.
  const subagent = page.getByRole('group', { name: /^Subagent Review the plan, agent general-purpose, / }).first()
  await expect(subagent).toBeVisible({ timeout: 15_000 })
  const below = async () => {
    const [task, sub] = await Promise.all([page.getByRole('group', { name: /^Task plan,/ }).boundingBox(), subagent.boundingBox()])
    return task && sub ? sub.y - (task.y + task.height) : -1
  }
  // Nodes glide to their new places when the graph grows: wait for the layout to settle.
  await expect.poll(below).toBeGreaterThan(0)

  // States change live: the next tasks start once the first one completed, and so on to the end.
  await expect(taskNode(page, 'plan', 'completed')).toBeVisible({ timeout: 15_000 })
  await expect(page.getByRole('group', { name: /^Task build, agent backend-expert, (running|completed)$/ })).toBeVisible({ timeout: 15_000 })
  await expect(taskNode(page, 'ship', 'running')).toBeVisible({ timeout: 30_000 })
  for (const task of PLAN) await expect(taskNode(page, task.id, 'completed')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('group', { name: 'Legend' })).toContainText('Completed')
  await expect(rail.getByRole('region', { name: 'Recent' }).getByRole('link', { name: new RegExp(name) })).toContainText('4/4')

  // A click opens the task's panel (and puts it in the URL): its output, tool calls and log.
  await taskNode(page, 'build', 'completed').click()
  await expect(page).toHaveURL(/[?&]node=build/)
  const panel = page.getByRole('complementary', { name: 'Task build' })
  await expect(panel.getByRole('region', { name: 'Output' })).toContainText('Done. The work is in place.')
  await expect(panel.getByRole('list', { name: 'Tool calls' })).toContainText('Bash')
  await expect(panel.getByRole('log', { name: 'Log' }).getByText("I'll start on: Build it")).toBeVisible()
  await expect(panel.getByRole('link', { name: 'backend-expert' })).toHaveAttribute('href', '/agents/backend-expert')

  // Escape puts it away; the keyboard opens another one.
  await panel.getByRole('button', { name: 'Close details' }).focus()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(page).not.toHaveURL(/node=/)
  await taskNode(page, 'ship', 'completed').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('complementary', { name: 'Task ship' })).toBeVisible()
})

test('the graph’s view lives in the URL, and a task re-runs with what depends on it', async ({ page, api }) => {
  const name = `flow-view-${Date.now().toString(36)}`
  const execution = await startPlan(api.request, name, PLAN.map((t) => ({ ...t, prompt: t.prompt.replace(/delay=\d+/, 'delay=0') })))
  await waitUntilEnded(api.request, execution.id)

  await page.goto(`/flow/${execution.id}`)
  await expect(taskNode(page, 'ship', 'completed')).toBeVisible()
  const view = page.getByRole('toolbar', { name: 'Graph view' })

  await view.getByRole('button', { name: 'Left to right' }).click()
  await expect(page).toHaveURL(/[?&]dir=LR/)
  // Nodes glide to their new places: wait until `build` sits right of `plan`.
  const gap = async () => {
    const [plan, build] = await Promise.all([taskNode(page, 'plan', 'completed').boundingBox(), taskNode(page, 'build', 'completed').boundingBox()])
    return plan && build ? build.x - (plan.x + plan.width) : -1
  }
  await expect.poll(gap).toBeGreaterThan(0)

  await view.getByRole('combobox', { name: 'Colour by' }).click()
  await page.getByRole('option', { name: 'Agent' }).click()
  await expect(page).toHaveURL(/[?&]color=agent/)
  await expect(page.getByRole('group', { name: 'Legend' })).toContainText('backend-expert')

  // Parallel tasks (build and docs wait for the same task) fold into one group with their states counted.
  await view.getByRole('button', { name: 'Collapse' }).click()
  await page.getByRole('menuitemcheckbox', { name: 'Parallel tasks' }).click()
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/[?&]collapse=siblings/)
  await expect(page.getByRole('group', { name: 'Group After plan, 4 nodes: 4 completed' })).toBeVisible()

  await view.getByRole('button', { name: 'Hide completed' }).click()
  await expect(page).toHaveURL(/[?&]hide=completed/)
  await expect(page.getByRole('group', { name: /^Task / })).toHaveCount(0)
  await expect(page.getByText('Everything here completed')).toBeVisible()

  // A reload opens the same view.
  await page.reload()
  await expect(view.getByRole('button', { name: 'Hide completed' })).toHaveAttribute('aria-pressed', 'true')
  await view.getByRole('button', { name: 'Hide completed' }).click()
  await expect(page.getByRole('group', { name: 'Group After plan, 4 nodes: 4 completed' })).toBeVisible()

  // Re-run from a task: that task and what depends on it run again, in a new execution whose graph opens.
  await page.goto(`/flow/${execution.id}?node=docs`)
  await page.getByRole('complementary', { name: 'Task docs' }).getByRole('button', { name: 'Re-run from this task' }).click()
  await expect(page.getByText('Re-running from docs')).toBeVisible()
  await expect(page).not.toHaveURL(new RegExp(execution.id))
  await expect(page.getByRole('group', { name: /^Task docs,/ })).toBeVisible()
  await expect(page.getByRole('group', { name: /^Task ship,/ })).toBeVisible()
  await expect(page.getByRole('group', { name: /^Task (plan|build),/ })).toHaveCount(0)
})

test('the execution page has a Graph tab, in the URL', async ({ page, api }) => {
  const name = `flow-tab-${Date.now().toString(36)}`
  const execution = await startPlan(api.request, name, PLAN.slice(0, 2).map((t) => ({ ...t, prompt: t.prompt.replace(/delay=\d+/, 'delay=0') })))
  await waitUntilEnded(api.request, execution.id)

  await page.goto(`/executions/${execution.id}`)
  await expect(page.getByRole('tab', { name: 'Overview', selected: true })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Tasks' })).toBeVisible()
  await page.getByRole('tab', { name: 'Graph' }).click()
  await expect(page).toHaveURL(/[?&]tab=graph/)
  await expect(taskNode(page, 'build', 'completed')).toBeVisible()

  await page.reload()
  await expect(page.getByRole('tab', { name: 'Graph', selected: true })).toBeVisible()
  await taskNode(page, 'plan', 'completed').click()
  await expect(page.getByRole('complementary', { name: 'Task plan' }).getByRole('log', { name: 'Log' }).getByText("I'll start on: Plan the work")).toBeVisible()
  await page.getByRole('tab', { name: 'Overview' }).click()
  await expect(page).not.toHaveURL(/tab=graph/)
})
