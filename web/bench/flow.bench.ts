// Flow visualizer benchmarks in Chromium against the release binary (`make bench`):
// - a 1,000-task plan's graph: time to the first frame of the graph area, to a finished layout
//   (nodes on screen), frame times while panning and zooming, and the longest main-thread task;
// - a 300-node orchestrator run receiving 200 task state changes a second through the real ingest
//   endpoint: frame times, long tasks, and how far the graph lags behind the events.
// Numbers are printed, not asserted: a slow machine must not fail the build.
import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test } from '../e2e/fixtures'
import { installProbes, readProbes, summarize, type Probes } from './probes'

test.describe.configure({ mode: 'serial' })
test.setTimeout(300_000)

const GRAPH = '.react-flow'
const NODE = '.react-flow__node'

async function post<T>(api: APIRequestContext, path: string, data: unknown): Promise<T> {
  const response = await api.post(path, { data })
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true)
  return (await response.json()) as T
}

/** 1,000 tasks in 20 levels of 50; each depends on one to three tasks of the level before. */
function bigPlan() {
  let seed = 7
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  const agents = ['backend', 'frontend', 'tester', 'reviewer', 'docs']
  const tasks = []
  for (let level = 0; level < 20; level++) {
    for (let i = 0; i < 50; i++) {
      const depends_on = new Set<string>()
      if (level > 0) for (let d = 0; d < 1 + Math.floor(random() * 3); d++) depends_on.add(`t${level - 1}-${Math.floor(random() * 50)}`)
      // One task runs (and waits), so the graph shows a live node among 999 pending ones.
      tasks.push({ id: `t${level}-${i}`, agent: agents[(level + i) % agents.length], prompt: '[fake:hang]', depends_on: [...depends_on] })
    }
  }
  return { name: 'bench: 1,000 tasks', max_parallel: 1, tasks }
}

async function panAndZoom(page: Page) {
  const box = (await page.locator(GRAPH).first().boundingBox())!
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  await page.mouse.move(cx, cy)
  for (let round = 0; round < 3; round++) {
    await page.mouse.down()
    for (let step = 1; step <= 40; step++) await page.mouse.move(cx + step * 8, cy + step * 4)
    for (let step = 40; step >= 0; step--) await page.mouse.move(cx + step * 8, cy + step * 4)
    await page.mouse.up()
    for (let step = 0; step < 10; step++) await page.mouse.wheel(0, -120)
    for (let step = 0; step < 10; step++) await page.mouse.wheel(0, 120)
  }
}

function report(title: string, rows: Record<string, string | number>) {
  console.log(`\n${title}`)
  for (const [key, value] of Object.entries(rows)) console.log(`  ${key.padEnd(42)} ${value}`)
}

test('a 1,000-task plan: first render, layout, pan and zoom', async ({ page, api: { request: api } }) => {
  const project = await post<{ id: string }>(api, '/api/projects', { name: `bench flow ${Date.now()}` })
  const execution = await post<{ id: string }>(api, '/api/executions', { project_id: project.id, plan: bigPlan() })
  await installProbes(page, GRAPH, NODE)

  await page.goto(`/executions/${execution.id}?tab=graph`)
  await expect(page.locator(NODE).first()).toBeVisible({ timeout: 120_000 })
  await page.waitForTimeout(500)
  const load = await readProbes(page)
  const readable = await page.locator(NODE).count()
  await page.evaluate(() => window.__flowProbes!.startFrames())
  await panAndZoom(page)
  const interaction = await readProbes(page)
  // All 1,000 at once (the Fit button): nodes drawn as plain boxes from far away.
  await page.getByRole('button', { name: 'Fit view' }).click()
  await page.waitForTimeout(1000)
  const whole = await page.locator(NODE).count()
  await page.evaluate(() => window.__flowProbes!.startFrames())
  await panAndZoom(page)
  const wholeInteraction = await readProbes(page)

  report('1,000-task plan (execution graph, 999 pending + 1 running)', {
    'graph area first rendered (ms after navigation)': load.graphAt?.toFixed(0) ?? 'never',
    'layout finished, nodes shown (ms after navigation)': load.nodeAt?.toFixed(0) ?? 'never',
    'longest main-thread task while loading (ms)': maxLongTask(load).toFixed(0),
    'nodes in the DOM, opening view (zoom 0.5)': readable,
    ...summarize('pan and zoom, opening view', interaction),
    'nodes in the DOM, whole graph fitted': whole,
    ...summarize('pan and zoom, whole graph', wholeInteraction),
  })
  await api.post(`/api/executions/${execution.id}/cancel`)
})

test('300 nodes receiving 200 state changes a second', async ({ page, playwright, baseURL, api: { request: api } }) => {
  const token = (await post<{ token: string }>(api, '/api/tokens', { name: `bench ingest ${Date.now()}`, role: 'ingest' })).token
  const notify = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } })
  const run = `bench-${Date.now()}`
  const send = (event: string, agent: number) =>
    notify.post('/api/webhooks/notify', {
      data: {
        event,
        executionId: run,
        projectId: 'bench',
        data: { agentName: `agent-${agent % 12}`, taskId: `task-${agent}`, input: { phase: `Phase ${1 + Math.floor(agent / 50)}` } },
      },
    })
  for (let agent = 0; agent < 300; agent += 25) {
    await Promise.all(Array.from({ length: 25 }, (_, i) => send('agent:started', agent + i)))
  }
  const executionId = await findExternalRun(api, run)
  await installProbes(page, GRAPH, NODE)
  await page.goto(`/executions/${executionId}?tab=graph`)
  await expect(page.locator(NODE).first()).toBeVisible({ timeout: 60_000 })
  await page.waitForTimeout(500)
  await page.evaluate(() => window.__flowProbes!.startFrames())

  // 200 changes a second for 10 s: every 50 ms, ten tasks flip between running and completed.
  const seconds = 10
  const started = Date.now()
  let sent = 0
  for (let tick = 0; tick < seconds * 20; tick++) {
    const batch = []
    for (let i = 0; i < 10; i++, sent++) batch.push(send(Math.floor(sent / 300) % 2 === 0 ? 'agent:completed' : 'agent:started', sent % 300))
    await Promise.all(batch)
    const wait = started + (tick + 1) * 50 - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
  const elapsed = (Date.now() - started) / 1000
  // The last change: all 300 completed after an even number of rounds, else running.
  const lastAt = Date.now()
  const finalState = Math.floor((sent - 1) / 300) % 2 === 0 ? 'completed' : 'running'
  // Nodes off screen are not in the DOM (onlyRenderVisibleElements): every one that is must show it.
  const otherState = finalState === 'completed' ? 'running' : 'completed'
  await expect(page.locator(`[data-kind="task"][data-state="${otherState}"]`)).toHaveCount(0, { timeout: 30_000 })
  await expect(page.locator(`[data-kind="task"][data-state="${finalState}"]`).first()).toBeVisible()
  const caughtUp = Date.now() - lastAt
  const during = await readProbes(page)
  await notify.dispose()

  report('300-node orchestrator run, task states changing', {
    'changes sent': `${sent} in ${elapsed.toFixed(1)} s (${(sent / elapsed).toFixed(0)}/s)`,
    'graph caught up after the last change (ms)': caughtUp,
    ...summarize('while changing', during),
  })
})

function maxLongTask(probes: Probes) {
  return probes.longTasks.reduce((max, task) => Math.max(max, task), 0)
}

async function findExternalRun(api: APIRequestContext, externalId: string) {
  for (let i = 0; i < 100; i++) {
    const response = await api.get('/api/executions?limit=20')
    const page = (await response.json()) as { items: { id: string; name: string }[] }
    const found = page.items.find((item) => item.name.includes(externalId))
    if (found) return found.id
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`run ${externalId} not listed`)
}
