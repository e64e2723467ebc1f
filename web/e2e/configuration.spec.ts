import type { APIRequestContext, Page } from '@playwright/test'
import { parse, stringify } from 'yaml'

import { loginThroughApi } from './auth-helpers'
import { ADMIN, expect, test, uniqueName } from './fixtures'

type ConfigView = { version: number; config: Record<string, unknown>; effective: Record<string, unknown>; origins: Record<string, string> }

async function globalConfig(request: APIRequestContext) {
  const response = await request.get('/api/config/global')
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()) as ConfigView
}

/** Starts from a known global document, whatever earlier specs (or runs) saved. */
async function setGlobal(request: APIRequestContext, config: Record<string, unknown>) {
  const { version } = await globalConfig(request)
  const response = await request.put('/api/config/global', { data: { config, base_version: version } })
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()) as ConfigView
}

const BASELINE = { limits: { max_agents: 2 } }

/** Replaces the editor's text, as a person selecting everything and typing would. */
async function replaceText(page: Page, editorName: string, text: string) {
  const editor = page.getByRole('textbox', { name: editorName })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(text)
}

function effectiveRow(page: Page, path: string) {
  return page.getByRole('table', { name: 'Effective configuration' }).getByRole('row').filter({ has: page.getByRole('cell', { name: path, exact: true }) })
}

test('an admin edits the global configuration: an invalid value is refused at its line, a valid one becomes a version', async ({ page, api, consoleProblems }) => {
  consoleProblems.allowHttpStatus(422)
  const before = await setGlobal(api.request, BASELINE)

  await page.goto('/projects')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Configuration' }).click()
  await expect(page).toHaveURL(/\/configuration\/global$/)
  await expect(page.getByRole('navigation', { name: 'Configuration' }).getByRole('link', { name: 'Global' })).toHaveAttribute('aria-current', 'page')
  await expect(effectiveRow(page, 'limits.max_agents')).toContainText('2')

  // Below the minimum: the schema check marks line 2 and saving is refused.
  await replaceText(page, 'Global configuration', 'limits:\n  max_agents: 0\n')
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText(/limits\.max_agents: .*\(line 2\)/)
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled()
  await page.keyboard.press('ControlOrMeta+S')
  await expect(page.getByText('Fix 1 problem before saving')).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Review changes' })).toHaveCount(0)

  // A value only the server checks: its 422 is shown at the line it is about, and nothing is saved.
  await replaceText(page, 'Global configuration', 'limits:\n  max_agents: 2\nwatch:\n  agents_dirs:\n    - relative/agents\n')
  await page.getByRole('button', { name: 'Review changes' }).click()
  await page.getByRole('dialog', { name: 'Review changes' }).getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('watch.agents_dirs[0]: must be an absolute path (line 5)')
  expect((await globalConfig(api.request)).version).toBe(before.version)

  // A valid value: reviewed, saved as the next version.
  await replaceText(page, 'Global configuration', 'limits:\n  max_agents: 3\n')
  await expect(page.getByRole('list', { name: 'Problems' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Review changes' }).click()
  const review = page.getByRole('dialog', { name: 'Review changes' })
  await expect(review.getByRole('list', { name: 'Changed keys' })).toContainText('limits.max_agents')
  await review.getByRole('button', { name: /^Save/ }).click()
  await expect(review).toBeHidden()
  const saved = await globalConfig(api.request)
  expect(saved.config).toEqual({ limits: { max_agents: 3 } })
  await expect(page.getByText(`Saved version ${saved.version} of the global configuration`)).toBeVisible()

  // The new version heads the list with what changed; the effective value comes from the global document.
  const latest = page.getByRole('list', { name: 'Versions' }).getByRole('listitem').first()
  await expect(latest).toContainText(`Version ${saved.version}`)
  await expect(latest).toContainText('current')
  await expect(latest).toContainText('limits.max_agents: 2 → 3')
  await expect(effectiveRow(page, 'limits.max_agents')).toContainText('3')
  await expect(effectiveRow(page, 'limits.max_agents')).toContainText('global')

  // Compared with the version before, the diff shows the change.
  expect(saved.version).toBe(before.version + 1)
  await page.getByRole('checkbox', { name: `Version ${before.version}` }).check()
  await page.getByRole('button', { name: `Compare version ${before.version} with current` }).click()
  const diff = page.getByRole('dialog', { name: `Version ${before.version} → current` })
  await expect(diff.getByRole('list', { name: 'Differences' })).toContainText('limits.max_agents')
  await expect(diff.getByRole('list', { name: 'Differences' })).toContainText('3')
  await page.keyboard.press('Escape')
  await expect(diff).toBeHidden()

  // Reverting to it (after confirming) brings its value back, as a new version.
  await page.getByRole('button', { name: `Revert to version ${before.version}` }).click()
  await page.getByRole('alertdialog', { name: `Revert to version ${before.version}?` }).getByRole('button', { name: 'Revert' }).click()
  await expect(page.getByText(`Reverted to version ${before.version}`, { exact: true })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Versions' }).getByRole('listitem').first()).toContainText(`Reverted to version ${before.version}: limits.max_agents: 3 → 2`)
  await expect(effectiveRow(page, 'limits.max_agents')).toContainText('2')
  const reverted = await globalConfig(api.request)
  expect(reverted.version).toBe(saved.version + 1)
  expect(reverted.config).toEqual(BASELINE)
})

test('a save elsewhere while editing shows up live, and the edits can be kept and saved on top of it', async ({ page, api }) => {
  const before = await setGlobal(api.request, BASELINE)
  await page.goto('/configuration/global')
  await expect(effectiveRow(page, 'limits.max_agents')).toContainText('2')
  await replaceText(page, 'Global configuration', 'limits:\n  max_agents: 5\n')

  // Someone else saves: the editor says so, the effective view and the versions follow.
  const response = await api.request.put('/api/config/global', { data: { config: { limits: { max_agents: 4 } }, base_version: before.version } })
  expect(response.status(), await response.text()).toBe(200)
  await expect(page.getByText('Saved version changed.')).toBeVisible()
  await expect(effectiveRow(page, 'limits.max_agents')).toContainText('4')
  await expect(page.getByRole('list', { name: 'Versions' }).getByRole('listitem').first()).toContainText(`Version ${before.version + 1}`)

  await page.getByRole('button', { name: 'Keep my edits' }).click()
  await page.getByRole('button', { name: 'Review changes' }).click()
  await page.getByRole('dialog', { name: 'Review changes' }).getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByText(`Saved version ${before.version + 2} of the global configuration`)).toBeVisible()
  expect((await globalConfig(api.request)).config).toEqual({ limits: { max_agents: 5 } })
})

test('an import previews its changes with field diffs, then applies them after confirming', async ({ page, api }) => {
  await setGlobal(api.request, BASELINE)
  const exported = await api.request.post('/api/config/export', { data: { format: 'yaml' } })
  expect(exported.status(), await exported.text()).toBe(200)
  const bundle = parse(await exported.text()) as { global?: Record<string, unknown> }
  bundle.global = { ...bundle.global, limits: { max_agents: 7 } }

  await page.goto('/configuration')
  await page.getByRole('navigation', { name: 'Configuration' }).getByRole('link', { name: 'Import/Export' }).click()
  await expect(page).toHaveURL(/\/configuration\/import-export$/)

  // The page's export downloads the same kind of file.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download export' }).click()
  expect((await download).suggestedFilename()).toBe('baton-config.yaml')
  await expect(page.getByText('Exported baton-config.yaml')).toBeVisible()

  await page.getByLabel('Bundle').fill(stringify(bundle))
  await page.getByRole('button', { name: 'Preview changes' }).click()

  const preview = page.getByRole('region', { name: 'Preview' })
  await expect(preview.getByRole('list', { name: 'Summary' })).toContainText('1 updated')
  const globalGroup = preview.getByRole('group', { name: /Global configuration/ })
  await expect(globalGroup.getByRole('listitem', { name: 'global: update' })).toBeVisible()
  const changes = globalGroup.getByRole('list', { name: 'Changes to global' })
  await expect(changes).toContainText('limits.max_agents')
  await expect(changes).toContainText('7')
  // Nothing changed yet.
  expect((await globalConfig(api.request)).config).toEqual(BASELINE)

  await page.getByRole('button', { name: 'Apply' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Apply the import?' })
  await expect(confirm).toContainText('1 updated')
  await confirm.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByText('Imported the configuration')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Import result' })).toContainText('Imported.')
  expect((await globalConfig(api.request)).config).toEqual({ limits: { max_agents: 7 } })

  // The Global tab shows it, from the global document.
  await page.getByRole('navigation', { name: 'Configuration' }).getByRole('link', { name: 'Global' }).click()
  await expect(effectiveRow(page, 'limits.max_agents')).toContainText('7')
  await expect(effectiveRow(page, 'limits.max_agents')).toContainText('global')
})

test('a bad bundle is refused with the item and the reason, and changes nothing', async ({ page, api, consoleProblems }) => {
  consoleProblems.allowHttpStatus(422)
  await setGlobal(api.request, BASELINE)
  await page.goto('/configuration/import-export')
  await page.getByLabel('Bundle').fill(stringify({ baton_bundle: 1, global: { limits: { max_agents: 0 } } }))
  await page.getByRole('button', { name: 'Preview changes' }).click()
  const refused = page.getByRole('alert').filter({ hasText: 'The bundle was refused' })
  await expect(refused).toContainText('Nothing was changed.')
  await expect(refused.getByRole('list', { name: 'Problems in the bundle' })).toContainText('max_agents')
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveCount(0)
  expect((await globalConfig(api.request)).config).toEqual(BASELINE)
})

test('a project’s secret environment value is saved encrypted and only ever shown masked', async ({ page, api }) => {
  const project = await api.createProject({ name: uniqueName('Secrets') })
  const plain = `sk-e2e-${Date.now().toString(36)}`

  await page.goto('/configuration/projects')
  await page.getByLabel('Project').click()
  await page.getByRole('option', { name: project.name }).click()
  await expect(page).toHaveURL(new RegExp(`/configuration/projects/${project.id}$`))
  await expect(page.getByText('Mark a secret as')).toBeVisible()

  const editorName = `Configuration of ${project.name}`
  await replaceText(page, editorName, `env:\n  API_KEY:\n    secret: ${plain}\n  REGION: eu\n`)
  await page.getByRole('button', { name: 'Review changes' }).click()
  await page.getByRole('dialog', { name: 'Review changes' }).getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByText(`Saved version 1 of ${project.name}’s configuration`)).toBeVisible()

  // The editor and the effective view show the mask, never the value.
  const editor = page.getByRole('textbox', { name: editorName })
  await expect(editor).toContainText('********')
  await expect(editor).not.toContainText(plain)
  await expect(effectiveRow(page, 'env.API_KEY')).toContainText('********')
  await expect(effectiveRow(page, 'env.API_KEY')).toContainText('project')
  await expect(effectiveRow(page, 'env.REGION')).toContainText('eu')
  await expect(page.locator('body')).not.toContainText(plain)

  const response = await api.request.get(`/api/config/projects/${project.id}`)
  expect(await response.text()).not.toContain(plain)
})

test.describe('a viewer', () => {
  const viewer = { username: `config-viewer-${Date.now().toString(36)}`, password: 'viewer-password-1' }
  test.use({ account: viewer })

  test.beforeAll(async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL })
    const { access_token } = await loginThroughApi(anonymous, ADMIN)
    const response = await anonymous.post('/api/users', { data: { ...viewer, role: 'viewer' }, headers: { Authorization: `Bearer ${access_token}` } })
    expect(response.status(), await response.text()).toBe(201)
    await anonymous.dispose()
  })

  test('sees the configuration, its versions and the import form, and can change none of them', async ({ page, api }) => {
    await setGlobal(api.request, BASELINE)
    await page.goto('/configuration')
    await expect(page).toHaveURL(/\/configuration\/global$/)
    await expect(page.getByRole('textbox', { name: 'Global configuration' })).toHaveAttribute('aria-readonly', 'true')
    await expect(page.getByText('Read-only: only admins can change the configuration.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Review changes' })).toHaveCount(0)
    await expect(effectiveRow(page, 'limits.max_agents')).toContainText('global')
    await expect(page.getByRole('list', { name: 'Versions' }).getByRole('listitem').first()).toBeVisible()
    await expect(page.getByRole('button', { name: /^Revert to version/ })).toHaveCount(0)

    await page.getByRole('navigation', { name: 'Configuration' }).getByRole('link', { name: 'Import/Export' }).click()
    await expect(page.getByRole('button', { name: 'Download export' })).toBeDisabled()
    await expect(page.getByText('Only admins can import a bundle.')).toBeVisible()
    await expect(page.getByLabel('Bundle')).toBeDisabled()
  })
})
