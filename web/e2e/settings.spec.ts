import { ADMIN, expect, test, uniqueName } from './fixtures'

test('an admin adds a user, changes their role and disables them; the last admin cannot be disabled', async ({ page, api, consoleProblems }) => {
  consoleProblems.allowHttpStatus(409)
  const username = `dana-${Date.now().toString(36)}`

  await page.goto('/projects')
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page).toHaveURL(/\/settings\/users$/)
  const users = page.getByRole('table', { name: 'Users' })
  await expect(users.getByRole('row', { name: new RegExp(`^${ADMIN.username}`) })).toBeVisible()

  // Add a user.
  await page.getByRole('button', { name: 'Add user' }).click()
  const add = page.getByRole('dialog', { name: 'Add user' })
  await add.getByLabel('Username').fill(username)
  await add.getByLabel('Password').fill('short')
  await add.getByRole('button', { name: 'Add user' }).click()
  await expect(add.getByLabel('Password')).toHaveAccessibleDescription('At least 10 characters.')
  await add.getByLabel('Password').fill('dana-password-1')
  await add.getByLabel('Role').click()
  await page.getByRole('option', { name: 'Operator' }).click()
  await add.getByRole('button', { name: 'Add user' }).click()
  await expect(add).toBeHidden()
  await expect(page.getByText(`User “${username}” added`)).toBeVisible()
  const row = users.getByRole('row').filter({ hasText: username })
  await expect(row).toContainText('Operator')
  await expect(row).toContainText('Active')

  // Change the role.
  await users.getByRole('button', { name: `Actions for ${username}` }).click()
  await page.getByRole('menuitem', { name: 'Change role' }).click()
  const roleDialog = page.getByRole('dialog', { name: 'Change role' })
  await expect(roleDialog).toContainText('signed out everywhere')
  await roleDialog.getByLabel('Role').click()
  await page.getByRole('option', { name: 'Admin' }).click()
  await roleDialog.getByRole('button', { name: 'Change role' }).click()
  await expect(page.getByText(`${username} is now admin`)).toBeVisible()
  await expect(row).toContainText('Admin')

  // Disable, after confirming.
  await users.getByRole('button', { name: `Actions for ${username}` }).click()
  await page.getByRole('menuitem', { name: 'Disable' }).click()
  const confirm = page.getByRole('alertdialog', { name: `Disable ${username}?` })
  await confirm.getByRole('button', { name: 'Disable user' }).click()
  await expect(page.getByText(`${username} disabled`)).toBeVisible()
  await expect(row).toContainText('Disabled')

  // Make the signed-in admin the only active admin, whatever else the server holds (other specs,
  // screenshot seeds); then the server's 409 for disabling them shows as a toast.
  const all = (await (await api.request.get('/api/users')).json()) as { id: string; username: string; role: string; disabled: boolean }[]
  for (const other of all.filter((u) => u.role === 'admin' && !u.disabled && u.username !== ADMIN.username)) {
    expect((await api.request.put(`/api/users/${other.id}`, { data: { disabled: true } })).status()).toBe(200)
  }
  await users.getByRole('button', { name: `Actions for ${ADMIN.username}` }).click()
  await page.getByRole('menuitem', { name: 'Disable' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Disable user' }).click()
  await expect(page.getByText('Could not disable the user')).toBeVisible()
  await expect(page.getByText(/needs at least one active admin/)).toBeVisible()

  // The audit log lists those changes.
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click()
  const audit = page.getByRole('table', { name: 'Audit log' })
  await expect(audit.getByRole('row').filter({ hasText: 'user.create' }).filter({ hasText: username })).toBeVisible()
  await expect(audit.getByRole('row').filter({ hasText: 'user.update' }).first()).toBeVisible()
  await expect(audit.getByRole('row').filter({ hasText: 'changed: disabled' }).first()).toBeVisible()

  // Filters are in the URL and survive a reload.
  await page.getByLabel('Filter by action').click()
  await page.getByRole('option', { name: 'user.create' }).click()
  await expect(page).toHaveURL(/action=user\.create/)
  await expect(audit.getByRole('row').filter({ hasText: 'user.update' })).toHaveCount(0)
  await page.reload()
  await expect(page.getByLabel('Filter by action')).toHaveText('user.create')
  await expect(audit.getByRole('row').filter({ hasText: username })).toBeVisible()
  await page.getByLabel('Filter by user').fill('nobody-has-this-name')
  await expect(page.getByText('No matching entries')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL(/\/settings\/audit$/)
})

test('an admin creates an API token, sees it once, copies it, and revokes it', async ({ page, context, playwright, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const name = uniqueName('hooks on laptop')

  await page.goto('/settings/tokens')
  await page.getByRole('button', { name: 'Create token' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Create API token' })
  await expect(dialog.getByRole('radio', { name: /Ingest/ })).toBeChecked()
  await expect(dialog.getByText(/Only posts events/)).toBeVisible()
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Create token' }).click()

  const created = page.getByRole('dialog', { name: `Token “${name}” created` })
  await expect(created.getByText('it will not be shown again')).toBeVisible()
  const secret = await created.getByLabel('Token').inputValue()
  expect(secret).toMatch(/^baton_/)
  await created.getByRole('button', { name: 'Copy' }).click()
  await expect(created.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret)
  await created.getByRole('button', { name: 'Done' }).click()
  await expect(created).toBeHidden()

  // Listed by prefix only; the secret is nowhere on the page any more.
  const tokens = page.getByRole('table', { name: 'API tokens' })
  const row = tokens.getByRole('row').filter({ hasText: name })
  await expect(row).toContainText(secret.slice(0, 10))
  await expect(row).toContainText('Ingest')
  await expect(row).toContainText(ADMIN.username)
  await expect(row).toContainText('Never')
  expect(await page.content()).not.toContain(secret)

  // The token works (an ingest token may not read projects, but it is recognised)...
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } })
  expect((await request.get('/api/auth/me')).status()).toBe(200)

  // ...until it is revoked.
  await tokens.getByRole('button', { name: `Revoke ${name}` }).click()
  await page.getByRole('alertdialog', { name: `Revoke “${name}”?` }).getByRole('button', { name: 'Revoke token' }).click()
  await expect(page.getByText(`Token “${name}” revoked`)).toBeVisible()
  await expect(row).toHaveCount(0)
  expect((await request.get('/api/auth/me')).status()).toBe(401)
  await request.dispose()

  // Both show in the audit log.
  await page.goto('/settings/audit?resource=token')
  const audit = page.getByRole('table', { name: 'Audit log' })
  await expect(audit.getByRole('row').filter({ hasText: 'token.create' }).filter({ hasText: name })).toBeVisible()
  await expect(audit.getByRole('row').filter({ hasText: 'token.revoke' }).first()).toBeVisible()
})

test.describe('an operator', () => {
  const operator = { username: `op-${Date.now().toString(36)}`, password: 'operator-password-1' }
  test.use({ account: operator })

  test.beforeAll(async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL })
    const login = await anonymous.post('/api/auth/login', { data: ADMIN })
    const { access_token } = (await login.json()) as { access_token: string }
    const response = await anonymous.post('/api/users', {
      data: { ...operator, role: 'operator' },
      headers: { Authorization: `Bearer ${access_token}` },
    })
    expect(response.status(), await response.text()).toBe(201)
    await anonymous.dispose()
  })

  test('has project controls but no admin settings', async ({ page }) => {
    await page.goto('/projects')
    await expect(page.getByRole('button', { name: 'New project' })).toBeVisible()
    await page.goto('/settings')
    await expect(page).toHaveURL(/\/settings\/account$/)
    await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link')).toHaveText(['Account'])
    await page.goto('/settings/users')
    await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible()
  })
})
