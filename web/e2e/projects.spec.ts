import { expect, test, uniqueName } from './fixtures'

test('a project goes through its whole life: create in the wizard, find, reload, edit, delete', async ({ page }) => {
  const name = uniqueName('Checkout redesign')
  const renamed = `${name} v2`

  await page.goto('/projects')
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible()

  // Create through the three steps of the wizard.
  await page.getByRole('button', { name: 'New project' }).click()
  const wizard = page.getByRole('dialog', { name: 'New project' })
  await expect(wizard.getByText('Step 1 of 3: Basics')).toBeVisible()
  await wizard.getByRole('button', { name: 'Next' }).click()
  await expect(wizard.getByText('Name is required.')).toBeVisible()
  await wizard.getByLabel('Name').fill(name)
  await wizard.getByLabel('Description').fill('New checkout flow')
  await wizard.getByRole('button', { name: 'Next' }).click()

  await expect(wizard.getByText('Step 2 of 3: Workspace & settings')).toBeVisible()
  await expect(wizard.getByText("Leave empty to use a folder in Baton's data directory.")).toBeVisible()
  const config = wizard.getByLabel('Config')
  await config.fill('[1, 2]')
  await expect(wizard.getByText('Must be a JSON object ({ ... }), not an array.')).toBeVisible()
  await expect(config).toHaveAttribute('aria-invalid', 'true')
  await config.fill('{"model": "sonnet"}')
  await expect(config).not.toHaveAttribute('aria-invalid', 'true')
  await wizard.getByLabel('Initial status').click()
  await page.getByRole('option', { name: 'Active', exact: true }).click()
  await wizard.getByRole('button', { name: 'Next' }).click()

  await expect(wizard.getByText('Step 3 of 3: Review')).toBeVisible()
  await expect(wizard.getByText(name)).toBeVisible()
  await expect(wizard.getByText('"model": "sonnet"')).toBeVisible()
  await wizard.getByRole('button', { name: 'Create project' }).click()

  // The new project opens.
  await expect(page.getByText(`Project “${name}” created`)).toBeVisible()
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expect(page.getByText('New checkout flow')).toBeVisible()
  await expect(page.getByLabel('Config')).toContainText('"model": "sonnet"')

  // Find it in the list by searching, then again after a reload (the search is in the URL).
  await page.getByRole('link', { name: 'Projects' }).first().click()
  await page.getByLabel('Search projects').fill(name.slice(-8))
  await expect(page).toHaveURL(/q=/)
  const table = page.getByRole('table', { name: 'Projects' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table.getByRole('link', { name })).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Search projects')).toHaveValue(name.slice(-8))
  await expect(table.getByRole('link', { name })).toBeVisible()
  await expect(table.getByText('Active')).toBeVisible()

  // Edit: rename and archive.
  await table.getByRole('button', { name: `Actions for ${name}` }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit project' })
  await expect(edit.getByRole('button', { name: 'Save changes' })).toBeDisabled()
  await edit.getByLabel('Name').fill(renamed)
  await edit.getByLabel('Status').click()
  await page.getByRole('option', { name: 'Archived' }).click()
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(edit).toBeHidden()
  await expect(page.getByText(`Project “${renamed}” saved`)).toBeVisible()
  await expect(table.getByRole('link', { name: renamed })).toBeVisible()
  await expect(table.getByText('Archived')).toBeVisible()

  // The status filter is in the URL too.
  await page.getByLabel('Filter by status').click()
  await page.getByRole('option', { name: 'Active', exact: true }).click()
  await expect(page).toHaveURL(/status=active/)
  await expect(page.getByText('No matching projects')).toBeVisible()
  await page.getByLabel('Filter by status').click()
  await page.getByRole('option', { name: 'Archived' }).click()
  await expect(table.getByRole('link', { name: renamed })).toBeVisible()

  // Delete, after confirming.
  await table.getByRole('button', { name: `Actions for ${renamed}` }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog', { name: `Delete “${renamed}”?` })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Delete project' }).click()
  await expect(page.getByText(`Project “${renamed}” deleted`)).toBeVisible()
  await expect(page.getByText('No matching projects')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL(/\/projects$/)
  await expect(page.getByLabel('Search projects')).toHaveValue('')
})

test('the server’s duplicate-name error is shown on the name field, back on the first step', async ({ page, api, consoleProblems }) => {
  consoleProblems.allowHttpStatus(409)
  const name = uniqueName('Billing service')
  await api.createProject({ name })

  await page.goto('/projects')
  await page.getByRole('button', { name: 'New project' }).click()
  const wizard = page.getByRole('dialog', { name: 'New project' })
  // Same name in another case: the server compares names regardless of case.
  await wizard.getByLabel('Name').fill(name.toUpperCase())
  await wizard.getByRole('button', { name: 'Next' }).click()
  await wizard.getByRole('button', { name: 'Next' }).click()
  await wizard.getByRole('button', { name: 'Create project' }).click()

  await expect(wizard.getByText('Step 1 of 3: Basics')).toBeVisible()
  const nameInput = wizard.getByLabel('Name')
  await expect(nameInput).toHaveAttribute('aria-invalid', 'true')
  await expect(nameInput).toHaveAccessibleDescription(/already exists/i)
  await expect(page.getByText('Could not create the project')).toBeVisible()

  // Typing clears the error; a fresh name then goes through.
  await nameInput.fill(`${name} two`)
  await expect(nameInput).not.toHaveAttribute('aria-invalid', 'true')
})

test('a relative workspace directory is refused on step 2, before any request', async ({ page }) => {
  await page.goto('/projects')
  await page.getByRole('button', { name: 'New project' }).click()
  const wizard = page.getByRole('dialog', { name: 'New project' })
  await wizard.getByLabel('Name').fill(uniqueName('Relative dir'))
  await wizard.getByRole('button', { name: 'Next' }).click()
  const dir = wizard.getByLabel('Workspace directory')
  await dir.fill('relative/path')
  await wizard.getByRole('button', { name: 'Next' }).click()
  // The client catches it first, on the same step.
  await expect(dir).toHaveAccessibleDescription('Must be an absolute path, starting with / or ~/.')
  await wizard.getByRole('button', { name: 'Cancel' }).click()
  await expect(wizard).toBeHidden()
})

test('the list pages through results with Previous and Next', async ({ page, api }) => {
  const prefix = uniqueName('Paged')
  for (let i = 1; i <= 53; i++) await api.createProject({ name: `${prefix} #${String(i).padStart(2, '0')}` })

  await page.goto(`/projects?q=${encodeURIComponent(prefix)}`)
  const table = page.getByRole('table', { name: 'Projects' })
  await expect(page.getByText('1–50 of 53')).toBeVisible()
  // Newest first.
  await expect(table.getByRole('row').nth(1)).toContainText(`${prefix} #53`)
  await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled()

  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByText('51–53 of 53')).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled()

  await page.getByRole('button', { name: 'Previous' }).click()
  await expect(page.getByText('1–50 of 53')).toBeVisible()
})

test('an unknown project and an unknown page each say so', async ({ page, consoleProblems }) => {
  consoleProblems.allowHttpStatus(404)
  await page.goto('/projects/0190c3b4-0000-7000-8000-000000000000')
  await expect(page.getByRole('heading', { name: 'Project not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Back to projects' }).click()
  await expect(page).toHaveURL(/\/projects$/)

  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expect(page.getByText('/no/such/page')).toBeVisible()
})
