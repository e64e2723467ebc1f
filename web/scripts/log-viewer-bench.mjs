#!/usr/bin/env node
/**
 * Log viewer benchmark — run by hand, never in CI (timings belong in benchmarks, not in tests).
 *
 *   cd web && node scripts/log-viewer-bench.mjs [--lines 100000] [--rate 1000] [--tail-seconds 10] [--headed]
 *
 * What it does:
 *   1. Starts ../target/release/baton (BATON_BIN to override) on a free port with a fresh data
 *      directory, or uses a running server: BATON_URL=http://host:port with BATON_USER /
 *      BATON_PASSWORD (an admin or operator).
 *   2. Creates a project whose agent `bench` is `baton fake-claude`, and POSTs /api/executions with
 *      the inline plan {"tasks":[{"id":"flood","agent":"bench","prompt":"[fake:flood=N]"}]}; waits
 *      for it to end (the fake prints N plain lines as fast as it can).
 *   3. Opens that execution in Chromium (CHROMIUM_PATH, default /usr/bin/chromium), waits until the
 *      viewer holds every line, then measures: rows in the DOM, and frame times while scrolling the
 *      whole log (steady scrolling, then jumps to random places).
 *   4. Starts a second execution whose agent `tail` is a command runner printing `--rate` lines a
 *      second (10 lines every 10 ms, by node) for `--tail-seconds`, opens it while it runs and
 *      measures frame times and rows in the DOM while the viewer follows the live tail.
 *   5. Prints a JSON summary on stdout (progress goes to stderr).
 *
 * Frame times come from requestAnimationFrame in headless Chromium without a GPU: compare runs on
 * the same machine, do not read them as a user's frame rate. On a busy machine (see
 * `load_average` in the summary) read `main_thread_ms_per_frame` instead: the renderer's own work.
 *
 * The release binary serves the web app it was built with. To measure the sources as they are
 * now, serve them with `vite preview` (proxying /api and /socket.io to a running Baton) and pass
 * that URL as BATON_URL.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { chromium } from '@playwright/test'

const here = path.dirname(fileURLToPath(import.meta.url))
const { values: args } = parseArgs({
  options: {
    lines: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '1000' },
    'tail-seconds': { type: 'string', default: '10' },
    headed: { type: 'boolean', default: false },
  },
})
const LINES = Number(args.lines)
const RATE = Number(args.rate)
const TAIL_SECONDS = Number(args['tail-seconds'])
const BIN = path.resolve(here, '..', process.env.BATON_BIN ?? '../target/release/baton')
const log = (...parts) => console.error('[bench]', ...parts)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function startServer() {
  if (process.env.BATON_URL) {
    return { url: process.env.BATON_URL, user: process.env.BATON_USER ?? 'admin', password: process.env.BATON_PASSWORD, stop() {} }
  }
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-bench-'))
  const password = 'bench-admin-password'
  const child = spawn(BIN, ['serve', '--port', String(port), '--data-dir', dataDir], {
    env: { ...process.env, BATON_ADMIN_PASSWORD: password },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  return {
    url,
    user: 'admin',
    password,
    stop() {
      child.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function client(url, token) {
  return async (method, route, body) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`)
    return text ? JSON.parse(text) : null
  }
}

async function waitForStatus(call, id, done, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const execution = await call('GET', `/api/executions/${id}`)
    if (done(execution.status)) return execution
    if (Date.now() > deadline) throw new Error(`execution ${id} still ${execution.status}`)
    await sleep(250)
  }
}

function stats(samples) {
  if (samples.length === 0) return null
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  const round = (n) => Math.round(n * 100) / 100
  return {
    frames: samples.length,
    mean_ms: round(samples.reduce((s, x) => s + x, 0) / samples.length),
    p50_ms: round(at(0.5)),
    p95_ms: round(at(0.95)),
    p99_ms: round(at(0.99)),
    max_ms: round(sorted[sorted.length - 1]),
    over_16_7ms: samples.filter((x) => x > 16.7).length,
    over_33ms: samples.filter((x) => x > 33.4).length,
    over_50ms: samples.filter((x) => x > 50).length,
  }
}

const sessions = new WeakMap()
const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration']

/** Main-thread work (CDP Performance metrics, in seconds) so far; less sensitive to a busy machine than frame times. */
async function mainThread(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(metrics.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]))
}

/**
 * Frame intervals while the page scrolls (`scroll`: 480 px a frame; `jump`: anywhere) or just
 * follows the tail (`tail`), for `frames` frames; with the main thread's work per frame.
 */
async function measureFrames(page, kind, frames) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page))
  const cdp = sessions.get(page)
  await cdp.send('Performance.enable')
  const before = await mainThread(cdp)
  const result = await page.evaluate(
    ({ kind, frames }) =>
      new Promise((resolve) => {
        const el = document.querySelector('[role="log"]')
        const intervals = []
        const rows = []
        let last = performance.now()
        let n = 0
        const seed = { x: 42 }
        const random = () => ((seed.x = (seed.x * 16807) % 2147483647) / 2147483647)
        const tick = (now) => {
          intervals.push(now - last)
          last = now
          rows.push(el.querySelectorAll('[data-log-row]').length)
          const max = el.scrollHeight - el.clientHeight
          if (kind === 'scroll') el.scrollTop = Math.min(max, el.scrollTop + 480)
          else if (kind === 'jump') el.scrollTop = random() * max
          if (++n < frames) requestAnimationFrame(tick)
          else resolve({ intervals: intervals.slice(1), rows, atBottom: el.scrollHeight - el.scrollTop - el.clientHeight })
        }
        if (kind !== 'tail') el.scrollTop = 0
        requestAnimationFrame((now) => {
          last = now
          requestAnimationFrame(tick)
        })
      }),
    { kind, frames },
  )
  const after = await mainThread(cdp)
  const perFrame = (name) => Math.round(((after[name] - before[name]) * 1000 * 100) / frames) / 100
  result.main_thread_ms_per_frame = {
    total: perFrame('TaskDuration'),
    script: perFrame('ScriptDuration'),
    layout: perFrame('LayoutDuration'),
    style: perFrame('RecalcStyleDuration'),
  }
  return result
}

const lineCount = (page) =>
  page.evaluate(() => Number((document.querySelector('[data-testid="log-line-count"]')?.textContent ?? '').replace(/[^\d]/g, '') || 0))

async function signedInPage(browser, server) {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 1000 } })
  const login = await context.request.post('/api/auth/login', { data: { username: server.user, password: server.password } })
  if (!login.ok()) throw new Error(`sign-in: ${login.status()}`)
  await context.addInitScript(() => localStorage.setItem('baton-session', '1'))
  const page = await context.newPage()
  const problems = []
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()))
  page.on('pageerror', (e) => problems.push(e.message))
  return { page, problems }
}

async function main() {
  const server = await startServer()
  const summary = { lines: LINES, rate: RATE, tail_seconds: TAIL_SECONDS, cpus: os.cpus().length, load_average: os.loadavg() }
  let browser
  try {
    const { access_token: token } = await client(server.url)('POST', '/api/auth/login', { username: server.user, password: server.password })
    const call = client(server.url, token)
    const project = await call('POST', '/api/projects', { name: `Log viewer bench ${Date.now().toString(36)}` })
    await call('PUT', `/api/agents/bench/config?project_id=${project.id}`, { runner: 'claude', command: [BIN, 'fake-claude'] })

    log(`flooding ${LINES} lines…`)
    let started = Date.now()
    const flood = await call('POST', '/api/executions', {
      project_id: project.id,
      plan: { name: 'log-viewer-bench', tasks: [{ id: 'flood', agent: 'bench', prompt: `[fake:flood=${LINES}]` }] },
    })
    await waitForStatus(call, flood.id, (s) => s !== 'queued' && s !== 'running', 600_000)
    summary.server_ingest_ms = Date.now() - started

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: !args.headed,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    })
    const { page, problems } = await signedInPage(browser, server)

    log('opening the flooded execution…')
    started = Date.now()
    await page.goto(`/executions/${flood.id}`)
    await page.locator('[role="log"]').scrollIntoViewIfNeeded()
    while ((await lineCount(page)) < LINES) {
      if (Date.now() - started > 180_000) throw new Error(`the viewer shows ${await lineCount(page)} lines after 3 minutes`)
      await sleep(100)
    }
    summary.flood = { lines_loaded: await lineCount(page), load_ms: Date.now() - started }
    summary.flood.dom_rows_at_rest = await page.locator('[data-log-row]').count()

    log('scrolling…')
    const scroll = await measureFrames(page, 'scroll', 600)
    const jump = await measureFrames(page, 'jump', 300)
    summary.flood.scroll_steady = {
      ...stats(scroll.intervals),
      max_dom_rows: Math.max(...scroll.rows),
      main_thread_ms_per_frame: scroll.main_thread_ms_per_frame,
    }
    summary.flood.scroll_jumps = {
      ...stats(jump.intervals),
      max_dom_rows: Math.max(...jump.rows),
      main_thread_ms_per_frame: jump.main_thread_ms_per_frame,
    }

    log('searching…')
    const search = page.getByRole('searchbox', { name: 'Search the log' })
    started = Date.now()
    await search.fill('line 99999')
    await page.getByTestId('log-search-status').filter({ hasText: /match/ }).waitFor()
    summary.flood.search_ms_including_debounce = Date.now() - started
    await search.fill('')

    // The live tail: a command agent printing RATE lines a second.
    const script = `const [rate, seconds] = process.argv.slice(1).map(Number); const perTick = Math.max(1, Math.round(rate / 100)); let i = 0; const total = rate * seconds;
const timer = setInterval(() => { let out = ''; for (let k = 0; k < perTick && i < total; k++) out += 'tail line ' + (i++) + ' of ' + total + ': the quick brown fox jumps over the lazy dog\\n'; process.stdout.write(out); if (i >= total) { clearInterval(timer) } }, 10)`
    await call('PUT', `/api/agents/tail/config?project_id=${project.id}`, {
      runner: 'command',
      // The script goes in the environment: braces in the command would read as placeholders.
      command: [process.execPath, '-e', 'eval(process.env.TAIL_SCRIPT)', String(RATE), String(TAIL_SECONDS)],
      env: { TAIL_SCRIPT: script },
    })
    log(`live tail at ${RATE} lines/s for ${TAIL_SECONDS} s…`)
    const tail = await call('POST', '/api/executions', {
      project_id: project.id,
      plan: { name: 'log-viewer-tail-bench', tasks: [{ id: 'tail', agent: 'tail', prompt: 'tail' }] },
    })
    await page.goto(`/executions/${tail.id}`)
    await page.locator('[role="log"]').scrollIntoViewIfNeeded()
    while ((await lineCount(page)) < RATE) await sleep(50)
    const before = await lineCount(page)
    const frameCount = Math.max(60, Math.floor((TAIL_SECONDS - 3) * 60))
    const t0 = Date.now()
    const live = await measureFrames(page, 'tail', frameCount)
    const seconds = (Date.now() - t0) / 1000
    const after = await lineCount(page)
    summary.tail = {
      ...stats(live.intervals),
      max_dom_rows: Math.max(...live.rows),
      main_thread_ms_per_frame: live.main_thread_ms_per_frame,
      lines_per_second_shown: Math.round((after - before) / seconds),
      px_from_bottom_at_end: Math.round(live.atBottom),
    }
    await waitForStatus(call, tail.id, (s) => s !== 'queued' && s !== 'running', 120_000)
    summary.console_problems = problems
  } finally {
    await browser?.close()
    server.stop()
  }
  console.log(JSON.stringify(summary, null, 2))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
