import { randomUUID } from 'node:crypto'

import type { APIRequestContext } from '@playwright/test'

import { expect, test, uniqueName } from './fixtures'

/** A token that may only post events, as `baton hooks install` and orchestrator.sh use. */
async function createIngestToken(request: APIRequestContext) {
  const response = await request.post('/api/tokens', { data: { name: uniqueName('e2e ingest'), role: 'ingest' } })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { token: string }).token
}

/** Lower-case letters and digits, unique per run. */
function suffix() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`
}

test('a Claude Code session reported through hooks is listed with its source; its prompt, tool call and subagent show, on its agent and the dashboard too', async ({ page, api, playwright, baseURL }) => {
  const token = await createIngestToken(api.request)
  const hooks = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } })
  const folder = `e2e-shop-${suffix()}`
  const session = { session_id: randomUUID(), transcript_path: `/tmp/${folder}/transcript.jsonl`, cwd: `/tmp/${folder}`, permission_mode: 'default' }
  // What Claude Code's http hook posts, event by event.
  const post = async (hook_event_name: string, fields: Record<string, unknown> = {}) => {
    const response = await hooks.post('/api/hooks/claude', { data: { ...session, hook_event_name, ...fields } })
    expect(response.status(), `${hook_event_name}: ${await response.text()}`).toBe(204)
  }
  const prompt = 'Add a /health endpoint and have it reviewed'
  const bash = { command: 'cargo test --quiet', description: 'Run the tests' }
  try {
    await post('SessionStart', { source: 'startup', model: 'claude-sonnet-4-5' })
    await post('UserPromptSubmit', { prompt })
    await post('PreToolUse', { tool_name: 'Bash', tool_use_id: 'toolu_e2e_bash', tool_input: bash })
    // The tool's duration is the time between the two events, as Baton receives them.
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    await post('PostToolUse', {
      tool_name: 'Bash',
      tool_use_id: 'toolu_e2e_bash',
      tool_input: bash,
      tool_response: { stdout: 'test result: ok. 12 passed; 0 failed', stderr: '', interrupted: false },
    })
    await post('SubagentStart', { agent_id: 'a1b2c3d4e5f6', agent_type: 'code-reviewer' })

    // While it runs: a count of its tasks, not a bar towards a total that grows with each
    // subagent, and no "$0.0000" for what hooks never report.
    await page.goto('/executions')
    const active = page
      .getByRole('list', { name: 'Active executions' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: folder }) })
    await expect(active).toContainText('2 tasks · 2 running')
    await expect(active.getByRole('progressbar')).toHaveCount(0)
    await expect(active).toContainText('Claude Code hooks report no cost or tokens')
    await expect(active).not.toContainText('$0.0000')

    await post('SubagentStop', { agent_id: 'a1b2c3d4e5f6', agent_type: 'code-reviewer', stop_hook_active: false, last_assistant_message: 'Looks good.' })
    await post('Stop', { stop_hook_active: false })
  } finally {
    await hooks.dispose()
  }

  // Listed among executions, named after its folder and session, with where it came from.
  const name = `${folder} · ${session.session_id.slice(0, 8)}`
  await page.goto('/executions')
  const row = page.getByRole('table', { name: 'Executions' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
  await expect(row).toHaveCount(1)
  await expect(row.locator('[data-source="hooks"]')).toContainText('Claude Code session')
  await expect(row).toContainText('Completed')
  // Hooks carry no cost: "—" with why, not "$0.0000".
  await expect(row).not.toContainText('$0.0000')
  await row.locator('[data-unreported]:visible').hover()
  await expect(page.getByRole('tooltip')).toHaveText('Claude Code hooks report no cost or tokens')

  await row.getByRole('link', { name, exact: true }).click()
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expect(page.locator('header [data-source="hooks"]')).toContainText('Claude Code session')
  await expect(page.locator('dd').filter({ hasText: 'Claude Code hooks report no cost or tokens' })).toHaveCount(2)
  await expect(page.getByText('$0.0000')).toHaveCount(0)
  // Baton did not start it, so it cannot run it again.
  await expect(page.getByRole('button', { name: 'Re-run' })).toHaveAttribute('aria-disabled', 'true')

  // The main session and its subagent are the tasks.
  const tasks = page.getByRole('table', { name: 'Tasks' })
  const subagent = tasks.locator('tr[data-task="code-reviewer-a1b2c3"]')
  await expect(subagent).toContainText('code-reviewer')
  await expect(subagent).toContainText('Completed')
  await expect(tasks.locator('tr[data-task="session"]')).toContainText('Completed')

  // The log: what the person asked, the tool call with its input, and its result with how long it took.
  const log = page.getByRole('log', { name: 'Log' })
  await expect(log.locator('[data-kind="prompt"]')).toContainText(prompt)
  const call = log.locator('[data-kind="tool_use"]').filter({ hasText: 'Bash cargo test --quiet' })
  await expect(call).toBeVisible()
  await call.getByText('Input').click()
  await expect(call.getByText('"description": "Run the tests"')).toBeVisible()
  const result = log.locator('[data-kind="tool_result"]').filter({ hasText: 'test result: ok. 12 passed' })
  await expect(result.getByText(/^\d\.\d s$/)).toBeVisible()
  const shown = (await result.getByText(/^\d\.\d s$/).textContent()) ?? ''
  expect(Number.parseFloat(shown), 'the time between PreToolUse and PostToolUse').toBeGreaterThanOrEqual(1.2)
  await expect(log.locator('[data-kind="hook"]').filter({ hasText: 'SubagentStop: code-reviewer' })).toBeVisible()

  // The subagent's page lists the task among its recent ones, from this session.
  await page.goto('/agents/code-reviewer')
  const recent = page.getByRole('table', { name: 'Recent tasks' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
  await expect(recent.locator('[data-source="hooks"]')).toContainText('Claude Code session')
  await expect(recent).toContainText('code-reviewer-a1b2c3')

  // The dashboard's activity says where the session came from too.
  await page.goto('/')
  const activity = page
    .getByRole('log', { name: 'Recent activity' })
    .locator('li[data-kind="execution_completed"]')
    .filter({ has: page.getByRole('link', { name, exact: true }) })
  await expect(activity.locator('[data-source="hooks"]')).toContainText('Claude Code session')
})

test('an orchestrator.sh run reported through the notify webhook, without ids, is listed as one and ends live', async ({ page, api, playwright, baseURL }) => {
  const token = await createIngestToken(api.request)
  const notify = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } })
  const agent = `e2e-orchestrated-${suffix()}`
  // As older orchestrator.sh versions send them: no executionId, no projectId.
  const send = async (event: string, data: Record<string, unknown>) => {
    const response = await notify.post('/api/webhooks/notify', { data: { event, data, timestamp: new Date().toISOString() } })
    expect(response.status(), `${event}: ${await response.text()}`).toBe(204)
  }
  let ended = false
  // Ids-less events join the open run: end it whatever happens, so no later test sees it running.
  const end = async () => {
    if (ended) return
    ended = true
    await send('agent:completed', { agentName: agent, status: 'completed', output: 'Orders API designed.' })
    await send('execution:completed', { status: 'completed', summary: 'All agents done' })
  }
  try {
    await send('execution:started', { plan: { name: 'legacy' } })
    await send('agent:started', { agentName: agent, input: 'Design the orders API' })

    const found = await api.request.get(`/api/executions?agent=${encodeURIComponent(agent)}`)
    expect(found.status(), await found.text()).toBe(200)
    const [execution] = ((await found.json()) as { items: { id: string; name: string; source: string; kind: string }[] }).items
    expect(execution).toMatchObject({ source: 'notify', kind: 'orchestrator' })

    await page.goto('/executions')
    const row = page
      .getByRole('table', { name: 'Executions' })
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/executions/${execution!.id}"]`) })
    await expect(row).toContainText(execution!.name)
    await expect(row.locator('[data-source="notify"]')).toContainText('orchestrator.sh')
    await expect(row).toContainText('Running')
    await expect(row.locator('[data-unreported]:visible')).toContainText('orchestrator.sh reported no cost or tokens')

    await row.getByRole('link', { name: execution!.name, exact: true }).click()
    await expect(page.getByRole('heading', { name: execution!.name, level: 1 })).toBeVisible()
    const task = page.getByRole('table', { name: 'Tasks' }).locator(`tr[data-task="${agent}"]`)
    await expect(task).toContainText('Running')

    // The run's end arrives through the socket.
    await end()
    await expect(task).toContainText('Completed')
    await expect(page.locator('header').getByText('Completed', { exact: true })).toBeVisible()
  } finally {
    await end()
    await notify.dispose()
  }
})
