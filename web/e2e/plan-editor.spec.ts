import path from 'node:path'

import type { APIRequestContext, Locator, Page } from '@playwright/test'

import { expect, test, uniqueName } from './fixtures'

const BIN = path.resolve(process.env.BATON_BIN ?? '../target/release/baton')

/** Lower-case letters and digits, so agent names (and the task ids made from them) stay plain. */
function suffix() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`
}

/** A project whose agents run the simulated Claude (`baton fake-claude`): configured for it, they are in its catalog too. */
async function projectWithAgents(request: APIRequestContext, agents: string[]) {
  const created = await request.post('/api/projects', { data: { name: uniqueName('Editor') } })
  expect(created.status(), await created.text()).toBe(201)
  const project = (await created.json()) as { id: string; name: string }
  for (const agent of agents) {
    const configured = await request.put(`/api/agents/${agent}/config?project_id=${project.id}`, {
      data: { runner: 'claude', command: [BIN, 'fake-claude'] },
    })
    expect(configured.ok(), await configured.text()).toBe(true)
  }
  return project
}

/** The YAML editor's text, as CodeMirror holds it (every line: the plans here are short). */
async function yamlText(page: Page) {
  return page.getByRole('textbox', { name: 'Plan YAML' }).evaluate((element) => {
    const lines = Array.from(element.querySelectorAll('.cm-line'), (line) => line.textContent ?? '')
    return lines.join('\n')
  })
}

function node(canvas: Locator, id: string) {
  return canvas.locator(`.react-flow__node[data-id="${id}"]`)
}

/** Drags from a task's bottom handle to another's top one: the second then depends on the first. */
async function connect(page: Page, canvas: Locator, from: string, to: string) {
  const source = await node(canvas, from).locator('.react-flow__handle-bottom').boundingBox()
  const target = await node(canvas, to).locator('.react-flow__handle-top').boundingBox()
  if (!source || !target) throw new Error(`handles of ${from} → ${to} not on screen`)
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2)
  await page.mouse.down()
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 })
  await page.mouse.up()
}

// Builds, saves and runs a plan with simulated agents.
test.describe.configure({ timeout: 90_000 })

test('draw a plan from the palette, connect it, see the YAML follow, refuse a cycle, save it and run it', async ({ page, api }) => {
  const id = suffix()
  const [build, check, ship] = [`build-${id}`, `check-${id}`, `ship-${id}`]
  const project = await projectWithAgents(api.request, [build, check, ship])

  // The project's plan list opens a new plan.
  await page.goto(`/projects/${project.id}`)
  await page.getByRole('link', { name: 'New plan' }).first().click()
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/plans/new$`))
  await expect(page.getByText('Drag an agent here')).toBeVisible()
  await page.getByLabel('Plan name').fill(`release-${id}`)

  // Three agents dragged from the palette onto the canvas, each in its own spot.
  const canvas = page.getByLabel('Plan canvas')
  const pane = canvas.locator('.react-flow__pane')
  const palette = page.getByRole('list', { name: 'Agent palette' })
  // Below the canvas's toolbar, one under the other.
  const spots = [
    { x: 200, y: 110 },
    { x: 200, y: 270 },
    { x: 200, y: 430 },
  ]
  for (const [index, agent] of [build, check, ship].entries()) {
    await palette.getByRole('button').filter({ hasText: agent }).dragTo(pane, { targetPosition: spots[index] })
    await expect(node(canvas, agent)).toBeVisible()
  }
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3)
  await expect.poll(() => yamlText(page)).toContain(`- id: ${ship}\n    agent: ${ship}`)

  // Dependencies by dragging between handles; the YAML follows.
  // Each edge in place (and the canvas settled around it) before the next drag measures handles.
  await connect(page, canvas, build, check)
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(1)
  await connect(page, canvas, check, ship)
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(2)
  await expect.poll(() => yamlText(page)).toContain(`- id: ${check}\n    agent: ${check}\n    depends_on:\n      - ${build}`)
  await expect.poll(() => yamlText(page)).toContain(`- id: ${ship}\n    agent: ${ship}\n    depends_on:\n      - ${check}`)

  // An edge back up the chain would be a cycle: refused, named, never added.
  await connect(page, canvas, ship, build)
  await expect(page.getByText(`${build} → ${check} → ${ship} → ${build} would be a cycle`)).toBeVisible()
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(2)
  expect(await yamlText(page)).not.toContain(`depends_on:\n      - ${ship}`)

  // A prompt through the inspector (select the task), then Save: the plan gets its own address.
  await node(canvas, ship).click()
  await page.getByLabel('Prompt').fill('Ship it [fake:delay=100]')
  await expect.poll(() => yamlText(page)).toContain('prompt: Ship it [fake:delay=100]')
  await page.getByRole('button', { name: /^Save/ }).first().click()
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/)
  // Saved: nothing left to save (toasts are not checked: other runs' notifications may crowd them out).
  await expect(page.getByText(/Not saved yet|Unsaved changes/)).toHaveCount(0)
  const planId = page.url().split('/').at(-1)!
  const saved = await (await api.request.get(`/api/plans/${planId}`)).json()
  expect(saved.plan.tasks.map((task: { id: string; depends_on: string[] }) => [task.id, task.depends_on])).toEqual([
    [build, []],
    [check, [build]],
    [ship, [check]],
  ])

  // Save & run opens the new execution's graph, and the plan runs to the end.
  await page.getByRole('button', { name: 'Save & run' }).click()
  await expect(page).toHaveURL(/\/executions\/[0-9a-f-]+\?tab=graph$/)
  const executionId = new URL(page.url()).pathname.split('/').at(-1)!
  // The graph follows the run live until its three tasks are completed.
  await expect(page.getByRole('tab', { name: 'Graph', selected: true })).toBeVisible()
  await expect(page.locator('[data-kind="task"][data-state="completed"]')).toHaveCount(3, { timeout: 45_000 })
  expect(((await (await api.request.get(`/api/executions/${executionId}`)).json()) as { status: string }).status).toBe('completed')
})

test('the YAML drives the canvas too, and a broken YAML keeps the last valid plan', async ({ page, api }) => {
  const id = suffix()
  const agent = `solo-${id}`
  const project = await projectWithAgents(api.request, [agent])
  await page.goto(`/projects/${project.id}/plans/new`)
  const canvas = page.getByLabel('Plan canvas')
  const yaml = page.getByRole('textbox', { name: 'Plan YAML' })

  await yaml.click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.insertText(`name: typed\ntasks:\n  - id: one\n    agent: ${agent}\n  - id: two\n    agent: nobody-${id}\n    depends_on: [one]\n`)
  await expect(node(canvas, 'one')).toBeVisible()
  await expect(node(canvas, 'two')).toBeVisible()
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(1)
  // The unknown agent is marked on its task, and at its line in the YAML.
  await expect(node(canvas, 'two').getByRole('button', { name: /unknown agent/ })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText(`tasks[1].agent: unknown agent "nobody-${id}"`)

  await page.keyboard.insertText('  - {broken')
  await expect(page.getByText('The YAML does not parse.')).toBeVisible()
  await expect(canvas.locator('.react-flow__node')).toHaveCount(2)
})

test('a task or an edge goes with Delete, and leaving with unsaved changes asks first', async ({ page, api }) => {
  const id = suffix()
  const [first, second] = [`first-${id}`, `second-${id}`]
  const project = await projectWithAgents(api.request, [first, second])
  const saved = await api.request.post(`/api/projects/${project.id}/plans`, {
    data: { name: `pair-${id}`, tasks: [{ id: 'a', agent: first }, { id: 'b', agent: second, depends_on: ['a'] }] },
  })
  expect(saved.status(), await saved.text()).toBe(201)
  const planId = ((await saved.json()) as { id: string }).id

  // The plan list opens it.
  await page.goto(`/projects/${project.id}`)
  await page.getByRole('table', { name: 'Plans' }).getByRole('link', { name: `pair-${id}`, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}$`))
  const canvas = page.getByLabel('Plan canvas')
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(1)

  // An edge selected (from the keyboard: focused, then Enter) and deleted removes the dependency.
  const edge = canvas.getByRole('group', { name: 'b depends on a' })
  await expect(async () => {
    await edge.focus()
    await page.keyboard.press('Enter')
    await expect(edge).toHaveClass(/selected/, { timeout: 1_000 })
  }).toPass()
  await page.keyboard.press('Delete')
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(0)
  await expect.poll(() => yamlText(page)).not.toContain('depends_on')
  await expect(page.getByText('Unsaved changes').first()).toBeVisible()

  // A task selected and deleted goes from the canvas and the YAML.
  await node(canvas, 'b').click()
  await page.keyboard.press('Backspace')
  await expect(node(canvas, 'b')).toHaveCount(0)
  await expect.poll(() => yamlText(page)).not.toContain('- id: b')

  // Leaving asks; staying keeps the edits, leaving discards them.
  await page.getByRole('link', { name: project.name }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' })
  await dialog.getByRole('button', { name: 'Keep editing' }).click()
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}$`))
  await expect(node(canvas, 'b')).toHaveCount(0)
  await page.getByRole('link', { name: project.name }).click()
  await dialog.getByRole('button', { name: 'Discard changes' }).click()
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}$`))
})

test('field errors of a refused save are marked on the task and at their line in the YAML', async ({ page, api, consoleProblems }) => {
  const id = suffix()
  const agent = `lone-${id}`
  const project = await projectWithAgents(api.request, [agent])
  const saved = await api.request.post(`/api/projects/${project.id}/plans`, { data: { name: `lone-${id}`, tasks: [{ id: 'only', agent }] } })
  const planId = ((await saved.json()) as { id: string }).id
  // The server checks what this page cannot (here, simulated): its 422 names the field.
  consoleProblems.allowHttpStatus(422)
  await page.route(`**/api/plans/${planId}`, (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({
          status: 422,
          json: { error: { code: 'invalid', message: 'The plan is not valid.', fields: { 'tasks[0].prompt': 'must mention the ticket' } } },
        })
      : route.fallback(),
  )

  await page.goto(`/plans/${planId}`)
  const canvas = page.getByLabel('Plan canvas')
  await node(canvas, 'only').click()
  await page.getByLabel('Prompt').fill('Do the thing')
  await page.getByRole('button', { name: /^Save/ }).first().click()

  await expect(page.getByText('The server refused the plan')).toBeVisible()
  await expect(node(canvas, 'only').getByRole('button', { name: /must mention the ticket/ })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('tasks[0].prompt: must mention the ticket (line 5)')
  // Changing the field clears its mark.
  await page.getByLabel('Prompt').fill('Do the thing for BAT-12')
  await expect(node(canvas, 'only').getByRole('button', { name: /must mention the ticket/ })).toHaveCount(0)
})
