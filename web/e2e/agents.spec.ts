import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'

/** The server's `--claude-dir` (playwright.config.ts makes a fresh one): agent files go in its `agents/`. */
const CLAUDE_DIR = process.env.BATON_E2E_CLAUDE_DIR

const written: string[] = []

/** Writes `<claude-dir>/agents/<stem>.md`; the test's end deletes it. */
async function writeAgentFile(stem: string, text: string) {
  const file = path.join(CLAUDE_DIR!, 'agents', `${stem}.md`)
  written.push(file)
  await writeFile(file, text)
  return file
}

test.afterEach(async () => {
  await Promise.all(written.splice(0).map((file) => rm(file, { force: true })))
})

/** The socket is connected (the header's dot says Live): events from now on reach the page. */
async function waitUntilLive(page: Page) {
  await expect(page.getByRole('status', { name: 'Live' })).toBeVisible({ timeout: 15_000 })
}

/** Lower-case letters and digits: agent names are matched that way, and file names stay plain. */
function suffix() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`
}

test('an agent file saved in ~/.claude/agents shows up live; search, its page, a saved configuration, a broken file', async ({ page, api }) => {
  test.skip(!CLAUDE_DIR, 'needs the server’s --claude-dir, which only a server started by playwright.config.ts has')
  const id = suffix()
  const name = `e2e-reviewer-${id}`
  const broken = `e2e-broken-${id}`

  await page.goto('/agents')
  await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible()
  await waitUntilLive(page)
  // Set on this document only: still there at the end means the page was never reloaded.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true))

  // A Claude Code agent file, as people write them: one-line description with `\n` escapes and an example.
  await writeAgentFile(
    name,
    [
      '---',
      `name: ${name}`,
      'description: Reviews pull requests for **correctness** and style.\\n\\n<example>\\nContext: A branch is ready.\\nuser: "Review my branch"\\nassistant: "I\'ll ask the reviewer."\\n</example>',
      'tools: Read, Grep, Glob',
      'model: sonnet',
      'color: purple',
      '---',
      'You are a careful code reviewer. Point out bugs before style.',
      '',
    ].join('\n'),
  )

  // The watcher reads it and `agent:catalog` has the page read the catalog again.
  const agents = page.getByRole('list', { name: 'Agents' })
  const card = agents.getByRole('article', { name, exact: true })
  await expect(card).toBeVisible()
  await expect(card).toContainText('Reviews pull requests for correctness and style.')
  await expect(card).toContainText('Sonnet')
  await expect(card).toContainText('User file')
  await expect(card.getByRole('list', { name: 'Tools' })).toContainText('Read')

  // A file whose front matter is not YAML still lists its agent (named after the file), marked.
  await writeAgentFile(broken, ['---', `name: ${broken}`, 'description: [unclosed', 'tools: Read', '---', 'Body.', ''].join('\n'))
  const brokenCard = agents.getByRole('article', { name: broken, exact: true })
  await expect(brokenCard.getByRole('button', { name: /^The agent file could not be read: the front matter is not valid YAML at line \d+/ })).toBeVisible()
  await expect(brokenCard).toContainText('Could not read its file')

  // Search narrows the catalog (and lives in the URL).
  await page.getByLabel('Search agents').fill(`reviewer-${id}`)
  await expect(page).toHaveURL(new RegExp(`[?&]q=reviewer-${id}`))
  await expect(agents.getByRole('article')).toHaveCount(1)
  await expect(card).toBeVisible()

  // The agent's page: the description rendered as Markdown with its example folded, tools, prompt.
  await card.getByRole('link', { name }).click()
  await expect(page).toHaveURL(`/agents/${name}`)
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  const about = page.getByRole('region', { name: 'About' })
  await expect(about.locator('strong', { hasText: 'correctness' })).toBeVisible()
  await expect(about.getByText('Example 1')).toBeVisible()
  await expect(about).not.toContainText('<example>')
  await expect(page.getByRole('region', { name: 'Capabilities' }).getByRole('list', { name: 'Tools' })).toHaveText(/Read\s*Grep\s*Glob/)
  await expect(page.getByRole('region', { name: 'System prompt' })).toContainText('You are a careful code reviewer.')
  await expect(page.getByRole('region', { name: 'Definition' })).toContainText(path.join(CLAUDE_DIR!, 'agents', `${name}.md`))

  // The configuration editor: change the timeout, review the diff, save.
  const configuration = page.getByRole('region', { name: 'Configuration' })
  const editor = configuration.getByRole('textbox', { name: `Configuration of ${name}` })
  await expect(editor).toBeVisible()
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText('timeout_s: 600')
  await configuration.getByRole('button', { name: 'Review changes' }).click()
  const review = page.getByRole('dialog', { name: 'Review changes' })
  await expect(review.getByRole('list', { name: 'Changed keys' })).toContainText('timeout_s')
  await review.getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByText(`Saved ${name}’s configuration`)).toBeVisible()
  await expect(review).toBeHidden()
  const saved = await api.request.get(`/api/agents/${name}/config`)
  expect(saved.status(), await saved.text()).toBe(200)
  expect(((await saved.json()) as { config: { timeout_s?: number } }).config.timeout_s).toBe(600)

  // Back on the catalog, deleting the broken file takes its card away, live.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click()
  await page.getByLabel('Search agents').fill(`e2e-broken-${id}`)
  await expect(brokenCard).toBeVisible()
  await rm(path.join(CLAUDE_DIR!, 'agents', `${broken}.md`))
  await expect(brokenCard).toHaveCount(0)
  await expect(page.getByText('No agents match')).toBeVisible()

  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
})
