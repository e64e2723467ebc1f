import { ADMIN, expect, test, uniqueName } from './fixtures'
import { loginThroughApi } from './auth-helpers'

test.describe('signed out', () => {
  test.use({ account: null })

  test('sign in through the form, stay signed in across a reload, sign out', async ({ page }) => {
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { name: 'Sign in to Baton' })).toBeVisible()
    const username = page.getByLabel('Username')
    await expect(username).toBeFocused()
    await expect(username).toHaveAttribute('autocomplete', 'username')
    await expect(page.getByLabel('Password')).toHaveAttribute('autocomplete', 'current-password')
    // The theme switch is still there.
    await expect(page.getByRole('button', { name: 'Theme' })).toBeVisible()

    await username.fill(ADMIN.username)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    // Signing in lands on the dashboard.
    await expect(page).toHaveURL(/:\d+\/$/)
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()

    // The access token is in memory only: nothing token-like in web storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
    expect(stored).not.toMatch(/eyJ|access_token/)

    await page.reload()
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
    await expect(page).toHaveURL(/:\d+\/$/)

    // Visiting /sign-in while signed in goes back to the app.
    await page.goto('/sign-in')
    await expect(page).toHaveURL(/:\d+\/$/)

    await page.getByRole('button', { name: `Account menu for ${ADMIN.username}` }).click()
    const menu = page.getByRole('menu')
    await expect(menu.getByText(ADMIN.username, { exact: true })).toBeVisible()
    await expect(menu.getByText('Admin', { exact: true })).toBeVisible()
    await menu.getByRole('menuitem', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in$/)
    await expect(page.getByRole('heading', { name: 'Sign in to Baton' })).toBeVisible()

    // Signed out for real: a reload stays on the sign-in page, and the app is closed.
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Sign in to Baton' })).toBeVisible()
    await page.goto('/projects')
    await expect(page).toHaveURL(/\/sign-in\?next=\/projects$/)
  })

  test('a signed-out visit to a page goes to sign-in and back there afterwards', async ({ page }) => {
    await page.goto('/projects?q=billing')
    await expect(page).toHaveURL(/\/sign-in\?next=\/projects%3Fq%3Dbilling$/)
    await page.goto('/projects')
    await expect(page).toHaveURL(/\/sign-in\?next=\/projects$/)
    await page.getByLabel('Username').fill(ADMIN.username)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/projects$/)
    await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible()
  })

  test('`next` never leaves the app', async ({ page }) => {
    await page.goto('/sign-in?next=//evil.example/phish')
    await page.getByLabel('Username').fill(ADMIN.username)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  test('a wrong password shows the server’s message', async ({ page, consoleProblems }) => {
    consoleProblems.allowHttpStatus(401)
    await page.goto('/sign-in')
    await page.getByLabel('Username').fill(ADMIN.username)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toContainText(/wrong username or password/i)
    await expect(page).toHaveURL(/\/sign-in$/)
    // Empty fields are caught before any request.
    await page.getByLabel('Password').fill('')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.')
  })
})

test.describe('a viewer', () => {
  const viewer = { username: `viewer-${Date.now().toString(36)}`, password: 'viewer-password-1' }
  test.use({ account: viewer })

  // The viewer must exist before the page fixture signs in as them.
  test.beforeAll(async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL })
    const { access_token } = await loginThroughApi(anonymous, ADMIN)
    const response = await anonymous.post('/api/users', {
      data: { ...viewer, role: 'viewer' },
      headers: { Authorization: `Bearer ${access_token}` },
    })
    expect(response.status(), await response.text()).toBe(201)
    await anonymous.dispose()
  })

  test('sees projects but no create, edit or delete controls, and the API refuses a create', async ({ page, api, playwright, baseURL }) => {
    const project = await api.createProject({ name: uniqueName('Viewer can see') })

    await page.goto(`/projects?q=${encodeURIComponent(project.name)}`)
    const table = page.getByRole('table', { name: 'Projects' })
    await expect(table.getByRole('link', { name: project.name })).toBeVisible()
    await expect(page.getByRole('button', { name: 'New project' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: `Actions for ${project.name}` })).toHaveCount(0)

    await table.getByRole('link', { name: project.name }).click()
    await expect(page.getByRole('heading', { name: project.name, level: 1 })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0)

    // Settings shows the account only.
    await page.getByRole('link', { name: 'Settings' }).click()
    await expect(page).toHaveURL(/\/settings\/account$/)
    await expect(page.getByText(viewer.username).first()).toBeVisible()
    const tabs = page.getByRole('navigation', { name: 'Settings' })
    await expect(tabs.getByRole('link')).toHaveText(['Account'])

    // The server is the authority: the viewer's own token cannot create a project.
    const request = await playwright.request.newContext({ baseURL })
    const { access_token } = await loginThroughApi(request, viewer)
    const response = await request.post('/api/projects', {
      data: { name: uniqueName('Not allowed') },
      headers: { Authorization: `Bearer ${access_token}` },
    })
    expect(response.status()).toBe(403)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden')
    await request.dispose()
  })
})
