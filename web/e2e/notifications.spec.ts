import path from 'node:path'

import type { APIRequestContext } from '@playwright/test'

import { expect, test, uniqueName } from './fixtures'

const BIN = path.resolve(process.env.BATON_BIN ?? '../target/release/baton')

/** A project whose `tester` agent is the simulated one. */
async function projectWithTester(request: APIRequestContext) {
  const created = await request.post('/api/projects', { data: { name: uniqueName('Notifications') } })
  expect(created.status(), await created.text()).toBe(201)
  const project = (await created.json()) as { id: string }
  const agent = await request.put(`/api/agents/tester/config?project_id=${project.id}`, {
    data: { runner: 'claude', command: [BIN, 'fake-claude'] },
  })
  expect(agent.ok(), await agent.text()).toBe(true)
  return project
}

/** Runs a one-task inline plan that fails. */
async function failingRun(request: APIRequestContext, projectId: string, name: string) {
  const response = await request.post('/api/executions', {
    data: { project_id: projectId, plan: { name, tasks: [{ id: 'boom', agent: 'tester', prompt: '[fake:fail]' }] } },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()) as { id: string }
}

test('failed runs toast and badge the bell live; View, the bell’s links and "Mark all read" read them', async ({ page, api }) => {
  const project = await projectWithTester(api.request)
  // Start from nothing unread (earlier tests' runs notified this user too).
  expect((await api.request.post('/api/notifications/read-all')).status()).toBe(204)

  await page.goto('/projects')
  await expect(page.getByRole('status', { name: 'Live' })).toBeVisible({ timeout: 15_000 })
  const bell = page.getByRole('button', { name: /^Notifications/ })
  await expect(bell).toHaveAccessibleName('Notifications')

  const first = uniqueName('boom-a')
  const second = uniqueName('boom-b')
  const a = await failingRun(api.request, project.id, first)
  const toastA = page.locator('[data-sonner-toast]').filter({ hasText: `${first} failed` })
  await expect(toastA).toBeVisible({ timeout: 15_000 })
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread')
  const b = await failingRun(api.request, project.id, second)
  const toastB = page.locator('[data-sonner-toast]').filter({ hasText: `${second} failed` })
  await expect(toastB).toBeVisible({ timeout: 15_000 })
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread')
  await expect(bell).toContainText('2')

  // The toast's View goes there and reads it.
  await toastB.getByRole('button', { name: 'View' }).click()
  await expect(page).toHaveURL(`/executions/${b.id}`)
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread')

  // The bell lists both, newest first; the unread one is marked so.
  await bell.click()
  const popover = page.getByRole('dialog', { name: 'Notifications' })
  const list = popover.getByRole('list', { name: 'Notifications' })
  await expect(list.getByRole('listitem').first()).toContainText(`${second} failed`)
  await expect(list.getByRole('listitem').filter({ hasText: `${first} failed` })).toHaveAttribute('data-unread', 'true')
  await popover.getByRole('tab', { name: /Unread/ }).click()
  await expect(popover.getByRole('list', { name: 'Unread notifications' }).getByRole('listitem')).toHaveCount(1)
  await popover.getByRole('tab', { name: 'All' }).click()

  await popover.getByRole('button', { name: 'Mark all read' }).click()
  await expect(bell).toHaveAccessibleName('Notifications')
  await expect(popover.getByRole('button', { name: 'Mark all read' })).toBeDisabled()
  await expect(list.locator('[data-unread]')).toHaveCount(0)

  // Its link goes to the execution and closes the popover.
  await list.getByRole('link', { name: new RegExp(`${first} failed`) }).click()
  await expect(page).toHaveURL(`/executions/${a.id}`)
  await expect(popover).toBeHidden()

  // Read on the server too: a reload shows none unread.
  await page.reload()
  await expect(page.getByRole('button', { name: /^Notifications/ })).toHaveAccessibleName('Notifications')
})
