import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { APIRequestContext, Locator, Page } from '@playwright/test'

import { expect, test, uniqueName } from './fixtures'

const EXAMPLE = 'Example: checkout feature (simulated agents)'
const BIN = path.resolve(process.env.BATON_BIN ?? '../target/release/baton')

async function exampleProjectId(request: APIRequestContext) {
  const response = await request.get(`/api/projects?q=${encodeURIComponent('Example: checkout')}`)
  const page = (await response.json()) as { items: { id: string; name: string }[] }
  const example = page.items.find((p) => p.name === EXAMPLE)
  expect(example, 'the example project of a new data directory').toBeDefined()
  return example!.id
}

/** Starts an inline plan on a fresh project whose agent `streamer` is the simulated Claude. */
async function startInlinePlan(request: APIRequestContext, tasks: { id: string; prompt: string; depends_on?: string[] }[]) {
  const created = await request.post('/api/projects', { data: { name: uniqueName('Log viewer') } })
  expect(created.status(), await created.text()).toBe(201)
  const project = (await created.json()) as { id: string }
  const agent = await request.put(`/api/agents/streamer/config?project_id=${project.id}`, {
    data: { runner: 'claude', command: [BIN, 'fake-claude'] },
  })
  expect(agent.ok(), await agent.text()).toBe(true)
  const started = await request.post('/api/executions', {
    data: { project_id: project.id, plan: { name: 'streaming', tasks: tasks.map((t) => ({ agent: 'streamer', ...t })) } },
  })
  expect(started.status(), await started.text()).toBe(201)
  return (await started.json()) as { id: string }
}

function lineCount(page: Page) {
  return page.getByTestId('log-line-count')
}

async function shownLines(page: Page): Promise<number> {
  const text = (await lineCount(page).textContent()) ?? ''
  return Number(/([\d,]+) lines?$/.exec(text.trim())?.[1]?.replace(/,/g, '') ?? 0)
}

/** How far the log is scrolled from its bottom, in pixels. */
function distanceFromBottom(log: Locator) {
  return log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)
}

/** What the execution page showed, sampled every 100 ms in the page itself (it survives client-side navigation). */
type Sample = { bars: number; running: { task: string; width: number }[]; lines: number; following: boolean; now: boolean }

async function startSampling(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __samples: unknown[] }
    w.__samples = []
    window.setInterval(() => {
      const timeline = document.querySelector('figure[aria-label="Timeline"]')
      const count = document.querySelector('[data-testid="log-line-count"]')?.textContent ?? ''
      w.__samples.push({
        bars: timeline?.querySelectorAll('button[data-task]').length ?? 0,
        running: Array.from(timeline?.querySelectorAll<HTMLElement>('button[data-status="running"]') ?? []).map((b) => ({
          task: b.dataset.task ?? '',
          width: b.getBoundingClientRect().width,
        })),
        lines: Number(/([\d,]+) lines?$/.exec(count.trim())?.[1]?.replace(/,/g, '') ?? 0),
        following: Array.from(document.querySelectorAll('span')).some((s) => s.textContent === 'Following live output'),
        now: timeline?.querySelector('[data-testid="timeline-now"]') != null,
      })
    }, 100)
  })
}

const samples = (page: Page) => page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples)

test('the example plan: the timeline grows and the log streams in live; search, step and filter', async ({ page, api }) => {
  const projectId = await exampleProjectId(api.request)
  await page.goto(`/projects/${projectId}`)
  await expect(page.getByRole('heading', { name: EXAMPLE, level: 1 })).toBeVisible()
  await startSampling(page)
  await page.getByRole('button', { name: 'Start', exact: true }).click()
  await expect(page).toHaveURL(/\/executions\/[0-9a-f-]+$/)

  const timeline = page.getByRole('figure', { name: 'Timeline' })
  const log = page.getByRole('log', { name: 'Log' })
  await expect(timeline.getByRole('button', { name: /^research, attempt 1/ })).toBeVisible()
  await expect(log.getByText("I'll start on: Summarise what shoppers need")).toBeVisible()

  // The run ends with a bar per task, all completed, the last lines in view, and no "now" line.
  await expect(page.locator('header').getByText('Completed', { exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(timeline.locator('button[data-task]')).toHaveCount(7)
  await expect(timeline.locator('[data-status="completed"]')).toHaveCount(7)
  await expect(timeline.getByTestId('timeline-now')).toHaveCount(0)
  await expect(log.getByText("I'll start on: Prepare the rollout plan.")).toBeVisible()

  // Meanwhile, without a reload: bars appeared one task after another, running bars grew towards
  // a "now" line, and lines arrived in many steps while the view followed them.
  const seen = (await samples(page)).filter((s) => s.bars > 0)
  expect(seen.some((s) => s.bars < 7), 'the timeline started with fewer bars than tasks').toBe(true)
  const counts = seen.map((s) => s.bars)
  expect(counts, 'bars are only ever added').toEqual([...counts].sort((a, b) => a - b))
  const widths = new Map<string, number[]>()
  for (const s of seen) for (const r of s.running) widths.set(r.task, [...(widths.get(r.task) ?? []), r.width])
  expect(
    [...widths.values()].some((w) => w.length > 1 && Math.max(...w) > w[0]! + 4),
    'a running bar grew while it ran',
  ).toBe(true)
  expect(seen.some((s) => s.now && s.following), 'a now line and a followed tail while running').toBe(true)
  const lineSteps = new Set(seen.filter((s) => s.now).map((s) => s.lines))
  expect(lineSteps.size, 'log lines arrived in many steps while it ran').toBeGreaterThan(5)

  // Hovering a bar tells its story.
  await timeline.getByRole('button', { name: /^api, attempt 1/ }).hover()
  const tooltip = page.getByRole('tooltip')
  await expect(tooltip).toContainText('api')
  await expect(tooltip).toContainText('backend-expert')
  await expect(tooltip).toContainText('1 of 1')
  await expect(tooltip).toContainText(/\$0\.\d{4}/)
  await page.mouse.move(0, 0)

  // Search: every task's subagent says "approach"; Enter and Shift+Enter step through the matches.
  const total = await shownLines(page)
  const search = page.getByRole('searchbox', { name: 'Search the log' })
  await search.fill('approach')
  const status = page.getByTestId('log-search-status')
  await expect(status).toHaveText(/^\d+ matches$/)
  const matches = Number(/^(\d+)/.exec((await status.textContent()) ?? '')?.[1])
  expect(matches).toBeGreaterThanOrEqual(7)
  await search.press('Enter')
  await expect(status).toHaveText(new RegExp(`^\\d+ of ${matches}$`))
  const first = Number(/^(\d+)/.exec((await status.textContent()) ?? '')?.[1])
  const current = log.locator('mark[data-current-match]')
  await expect(current).toHaveCount(1)
  await expect(current).toBeInViewport()
  await search.press('Enter')
  await expect(status).toHaveText(`${(first % matches) + 1} of ${matches}`)
  await expect(current).toBeInViewport()
  await search.press('Shift+Enter')
  await expect(status).toHaveText(`${first} of ${matches}`)
  await page.getByRole('button', { name: 'Next match' }).click()
  await expect(status).toHaveText(`${(first % matches) + 1} of ${matches}`)
  await expect(log.locator('mark').first()).toHaveText(/approach/i)
  await search.fill('')

  // Clicking a bar shows only that task's log.
  await timeline.getByRole('button', { name: /^qa, attempt 1/ }).click()
  await expect(page.getByLabel('Filter log by task')).toHaveText('qa')
  await expect(lineCount(page)).toHaveText(new RegExp(`^\\d+ of ${total.toLocaleString('en')} lines$`))
  const chips = log.locator('[data-log-row]').locator('span[title^="qa"]')
  await expect(chips.first()).toBeVisible()
  expect(await log.locator('[data-log-row]').count()).toBe(await chips.count())
  await expect(log.getByText("I'll start on: Test checkout end to end.")).toBeVisible()
  await timeline.getByRole('button', { name: /^qa, attempt 1/ }).click()
  await expect(page.getByLabel('Filter log by task')).toHaveText('All tasks')
})

/** A fresh project whose agent `ticker` prints `burst` lines at once, then `rate` lines a second for `seconds`. */
async function startTicker(request: APIRequestContext, { burst, rate, seconds }: { burst: number; rate: number; seconds: number }) {
  const created = await request.post('/api/projects', { data: { name: uniqueName('Log tail') } })
  expect(created.status(), await created.text()).toBe(201)
  const project = (await created.json()) as { id: string }
  const script = `const [burst, rate, seconds] = process.argv.slice(1).map(Number); let i = 0
const line = () => 'tick line ' + i++ + ': the quick brown fox jumps over the lazy dog\\n'
let out = ''; while (i < burst) out += line(); process.stdout.write(out)
const end = Date.now() + seconds * 1000
const timer = setInterval(() => { process.stdout.write(line()); if (Date.now() > end) clearInterval(timer) }, 1000 / rate)`
  const agent = await request.put(`/api/agents/ticker/config?project_id=${project.id}`, {
    // The script goes in the environment: braces in the command would read as placeholders.
    data: {
      runner: 'command',
      command: [process.execPath, '-e', 'eval(process.env.TICKER)', String(burst), String(rate), String(seconds)],
      env: { TICKER: script },
    },
  })
  expect(agent.ok(), await agent.text()).toBe(true)
  const started = await request.post('/api/executions', {
    data: { project_id: project.id, plan: { name: 'ticking', tasks: [{ id: 'tick', agent: 'ticker', prompt: 'tick' }] } },
  })
  expect(started.status(), await started.text()).toBe(201)
  return (await started.json()) as { id: string }
}

test('a long live log keeps a window of rows, pauses its tail on scrolling up and resumes at the bottom', async ({
  page,
  api,
}) => {
  test.setTimeout(90_000)
  // 3,000 lines at once, then 10 a second for 25 seconds: long enough to scroll around in while it runs.
  const execution = await startTicker(api.request, { burst: 3000, rate: 10, seconds: 25 })
  await page.goto(`/executions/${execution.id}`)
  const log = page.getByRole('log', { name: 'Log' })
  await log.scrollIntoViewIfNeeded()

  await expect.poll(() => shownLines(page), { timeout: 15_000 }).toBeGreaterThan(3000)
  await expect(page.getByText('Following live output')).toBeVisible()
  const newest = async () => Number((await log.locator('[data-log-row]').last().textContent())?.match(/tick line (\d+)/)?.[1] ?? -1)
  await expect.poll(newest).toBeGreaterThan(3000)
  await expect(log.locator('[data-log-row]').last()).toBeInViewport()
  // Only a window of the rows is in the page, however long the log.
  const rows = await log.locator('[data-log-row]').count()
  expect(rows).toBeGreaterThan(10)
  expect(rows).toBeLessThan(120)

  // Scrolling up lets go of the tail: new lines arrive without moving the view, and are counted.
  await log.hover()
  await page.mouse.wheel(0, -4000)
  const resume = page.getByRole('button', { name: /Resume live tail/ })
  await expect(resume).toBeVisible()
  await expect(page.getByText('Live tail paused')).toBeVisible()
  await expect(resume).toHaveText(/Resume live tail \(\d+ new\)/)
  const held = await log.evaluate((el) => el.scrollTop)
  const before = await shownLines(page)
  await expect.poll(() => shownLines(page)).toBeGreaterThan(before + 5)
  expect(await log.evaluate((el) => el.scrollTop)).toBe(held)
  expect(await log.locator('[data-log-row]').count()).toBeLessThan(120)

  // Resume: back at the bottom, following again, and the newest line in view.
  await resume.click()
  await expect(resume).toHaveCount(0)
  await expect.poll(() => distanceFromBottom(log)).toBeLessThan(24)
  await expect(page.getByText('Following live output')).toBeVisible()
  const latest = await shownLines(page)
  await expect.poll(() => shownLines(page)).toBeGreaterThan(latest)
  await expect.poll(() => distanceFromBottom(log)).toBeLessThan(24)

  // The keyboard reaches every line: arrows move, C copies.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await log.focus()
  const active = log.locator('[data-log-row][data-active]')
  await page.keyboard.press('Home')
  await expect(active).toContainText('attempt 1 started')
  await expect(active).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(active).toContainText('tick line 0:')
  await page.keyboard.press('c')
  await expect(page.getByText('Line copied')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/ INFO {2}tick\/ticker stdout: tick line 0: /)

  // When it ends, the download holds every line, read from the server.
  await expect(page.locator('header').getByText('Completed', { exact: true })).toBeVisible({ timeout: 45_000 })
  await expect(page.getByText('Following live output')).toHaveCount(0)
  const total = await shownLines(page)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^ticking-[0-9a-f]{8}\.log$/)
  const text = await readFile(await file.path(), 'utf8')
  expect(text.trimEnd().split('\n')).toHaveLength(total)
  await expect(page.getByText(`Downloaded ${total.toLocaleString('en')} log lines`)).toBeVisible()
})

test('errors stand out, tool calls unfold, and filters by level and agent narrow the log', async ({ page, api }) => {
  const execution = await startInlinePlan(api.request, [
    { id: 'good', prompt: 'Do it [fake:delay=0]' },
    { id: 'bad', prompt: 'Break it [fake:fail,delay=0]' },
  ])
  await page.goto(`/executions/${execution.id}`)
  await expect(page.locator('header').getByText('Failed', { exact: true })).toBeVisible({ timeout: 20_000 })
  const log = page.getByRole('log', { name: 'Log' })
  const timeline = page.getByRole('figure', { name: 'Timeline' })
  await expect(timeline.locator('[data-status="failed"]')).toHaveCount(1)

  // The failed result is red, with its cost.
  const failed = log.locator('[data-kind="result"][data-level="error"]')
  await expect(failed).toHaveCount(1)
  await expect(failed).toContainText('Result: error during execution')
  const red = await page.evaluate(() => {
    const probe = document.createElement('span')
    probe.style.color = 'var(--destructive)'
    document.body.append(probe)
    const color = getComputedStyle(probe).color
    probe.remove()
    return color
  })
  await expect(failed.locator('p').first()).toHaveCSS('color', red)

  // A tool call's input is folded until asked for.
  const call = log.locator('[data-kind="tool_use"]').filter({ hasText: 'Bash ls' }).first()
  await expect(call.getByText('"description": "List the workspace"')).toHaveCount(0)
  await call.getByRole('button', { name: 'Input' }).click()
  await expect(call.getByText('"description": "List the workspace"')).toBeVisible()
  await expect(call.getByRole('button', { name: 'Input' })).toHaveAttribute('aria-expanded', 'true')

  // Subagent lines are indented under their tool call.
  await expect(log.locator('[data-log-row]').filter({ hasText: 'Subagent: the approach looks sound' }).first()).toContainText('subagent')

  await page.getByLabel('Filter log by level').click()
  await page.getByRole('option', { name: 'Errors only' }).click()
  await expect(log.locator('[data-log-row]').first()).toBeVisible()
  await expect(log.locator('[data-log-row]').filter({ hasText: 'Result: error during execution' })).toHaveCount(1)
  expect(await log.locator('[data-log-row]').count()).toBe(await log.locator('[data-log-row][data-level="error"]').count())
  await page.getByLabel('Filter log by level').click()
  await page.getByRole('option', { name: 'All levels' }).click()

  await page.getByLabel('Filter log by agent').click()
  await page.getByRole('option', { name: 'streamer' }).click()
  // The execution's own lines (no agent) are hidden now.
  await expect(lineCount(page)).toHaveText(/^[\d,]+ of [\d,]+ lines$/)
  await page.getByLabel('Search the log').fill('zebra')
  await page.getByRole('button', { name: 'Only matching lines' }).click()
  await expect(page.getByText('No lines match these filters')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.getByLabel('Search the log').fill('')
  await expect(log.locator('[data-log-row]').first()).toBeVisible()
})

test('after a run ends, a log scrolled to the top stays there when a line takes focus', async ({ page, api }) => {
  // More lines than the view holds, few enough to be rendered whole; five seconds to open the page while it runs.
  const execution = await startInlinePlan(api.request, [{ id: 'flood', prompt: 'Print [fake:flood=100,rate=20]' }])
  await page.goto(`/executions/${execution.id}`)
  const log = page.getByRole('log', { name: 'Log' })
  await log.scrollIntoViewIfNeeded()
  // Opened while it runs, the log follows its tail, and the run ending does not let go of it.
  await expect(page.getByText('Following live output')).toBeVisible()
  await expect(page.locator('header').getByText('Completed', { exact: true })).toBeVisible({ timeout: 20_000 })
  await expect(log.getByText('flood line 99 of 100')).toBeInViewport()
  await expect.poll(() => distanceFromBottom(log)).toBeLessThan(24)
  expect(await log.evaluate((el) => el.scrollHeight > el.clientHeight * 2)).toBe(true)

  // A reader's scroll is reported a frame after it happens. A click on a line focuses it, and the
  // render that follows must not take the view back to the bottom in between: both in one task,
  // as a press does, then a frame for the scroll to be reported.
  const scrollTop = await log.evaluate(async (el) => {
    el.scrollTop = 0
    el.querySelector<HTMLElement>('[data-log-row]')?.focus({ preventScroll: true })
    await new Promise((resolve) => requestAnimationFrame(resolve))
    return el.scrollTop
  })
  expect(scrollTop, 'the view stays at the top').toBe(0)
  await expect(log.locator('[data-log-row][data-active]')).toBeFocused()
  await expect(log.locator('[data-log-row]').first()).toBeInViewport()
  expect(await log.evaluate((el) => el.scrollTop)).toBe(0)
})
