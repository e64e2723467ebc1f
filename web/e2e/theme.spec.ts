import { expect, test } from './fixtures'

test('the dark theme is remembered across a reload, applied before the app starts', async ({ page }) => {
  await page.goto('/projects')
  await expect(page.locator('html')).not.toHaveClass(/dark/)

  await page.getByRole('button', { name: 'Theme' }).click()
  await page.getByRole('menuitemradio', { name: 'Dark' }).click()
  await expect(page.locator('html')).toHaveClass(/dark/)

  await page.reload({ waitUntil: 'commit' })
  // theme-init.js runs in <head>, before the module bundle: dark from the first paint.
  await page.waitForFunction(() => document.body !== null)
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveClass(/dark/)

  await page.getByRole('button', { name: 'Theme' }).click()
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true')
  await page.getByRole('menuitemradio', { name: 'Light' }).click()
  await expect(page.locator('html')).not.toHaveClass(/dark/)
})

test('"system" follows the operating system preference', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/projects')
  await expect(page.locator('html')).toHaveClass(/dark/)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).not.toHaveClass(/dark/)
})

test.describe('on a phone-sized screen', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the sidebar collapses into a sheet opened from the header', async ({ page }) => {
    await page.goto('/projects')
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav).toBeHidden()

    await page.getByRole('button', { name: 'Open navigation' }).click()
    const sheet = page.getByRole('dialog', { name: 'Baton' })
    await expect(sheet).toBeVisible()
    await expect(sheet.getByRole('link', { name: 'Projects' })).toBeVisible()
    await expect(sheet.getByRole('link', { name: /API reference/ })).toHaveAttribute('href', '/api/docs')
    await sheet.getByRole('link', { name: 'Projects' }).click()
    await expect(sheet).toBeHidden()

    // Nothing overflows sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})

test('the API reference page renders the server’s OpenAPI document', async ({ page }) => {
  await page.goto('/projects')
  const link = page.getByRole('link', { name: /API reference/ })
  await expect(link).toHaveAttribute('href', '/api/docs')
  await page.goto('/api/docs')
  await expect(page.getByRole('heading', { name: /Baton API/ })).toBeVisible()
  await expect(page.getByText('/api/projects/{id}').first()).toBeVisible()
})
