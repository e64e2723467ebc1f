import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { defineConfig, devices } from '@playwright/test'

import { ADMIN_PASSWORD } from './e2e/auth-helpers'

// The config is evaluated again in every worker; workers inherit the environment of the main
// process, so the port and data directory are chosen once, there, and shared through it.
if (!process.env.BATON_E2E_URL) {
  if (!process.env.BATON_E2E_PORT) {
    const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
    process.env.BATON_E2E_PORT = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()
  }
  process.env.BATON_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'baton-e2e-'))
  // The server's Claude Code directory (agent files, orchestrator.sh workspaces): a fresh one, never
  // the machine's ~/.claude. Specs write agent files into its `agents/` (e2e/agents.spec.ts).
  process.env.BATON_E2E_CLAUDE_DIR = path.join(process.env.BATON_E2E_DATA_DIR, 'claude')
  mkdirSync(path.join(process.env.BATON_E2E_CLAUDE_DIR, 'agents'), { recursive: true })
  // The server's ~/.claude.json: one user-scope MCP server, the reference server installed with
  // the web app's dev dependencies (e2e/mcp-webhooks.spec.ts checks it is discovered).
  process.env.BATON_E2E_CLAUDE_JSON = path.join(process.env.BATON_E2E_DATA_DIR, 'claude.json')
  const everything = path.resolve('node_modules/.bin/mcp-server-everything')
  writeFileSync(process.env.BATON_E2E_CLAUDE_JSON, JSON.stringify({ mcpServers: { 'everything-user': { command: everything } } }))
}

const bin = path.resolve(process.env.BATON_BIN ?? '../target/release/baton')
const port = process.env.BATON_E2E_PORT
const baseURL = process.env.BATON_E2E_URL ?? `http://127.0.0.1:${port}`
const screenshots = Boolean(process.env.BATON_SCREENSHOTS)

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  // Screenshots are made on demand (npm run screenshots), not in every run.
  grep: screenshots ? /@screenshots/ : undefined,
  grepInvert: screenshots ? undefined : /@screenshots/,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
  webServer: process.env.BATON_E2E_URL
    ? undefined
    : {
        command: `"${bin}" serve --port ${port} --data-dir "${process.env.BATON_E2E_DATA_DIR}" --claude-dir "${process.env.BATON_E2E_CLAUDE_DIR}" --claude-json "${process.env.BATON_E2E_CLAUDE_JSON}" --allow-private-webhooks`,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 60_000,
        // The first start creates `admin` with this password; the specs sign in with it.
        env: { BATON_ADMIN_PASSWORD: ADMIN_PASSWORD },
        stdout: 'ignore',
        stderr: 'pipe',
      },
})
