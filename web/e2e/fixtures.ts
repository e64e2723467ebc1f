import { test as base, expect, type APIRequestContext, type ConsoleMessage } from '@playwright/test'

import { ADMIN, loginThroughApi, signInContext, type Account } from './auth-helpers'

type Project = { id: string; name: string; status: string }
type User = { id: string; username: string; role: string; disabled: boolean }

type Options = {
  /** Who the page is signed in as before the test starts; `null` starts signed out. Defaults to the admin. */
  account: Account | null
}

type Fixtures = {
  /**
   * Collects console errors and warnings, and uncaught exceptions, of every page in the test; the
   * test fails on any. A test that provokes an HTTP error on purpose declares it with
   * `allowHttpStatus`, because Chromium logs every failed response as a console error.
   */
  consoleProblems: { allowHttpStatus: (status: number) => void }
  /** API calls as the admin (bearer token), independent of the page's session. */
  api: ApiHelpers
}

type ApiHelpers = {
  request: APIRequestContext
  createProject: (body: { name: string; description?: string; status?: string; config?: object }) => Promise<Project>
  createUser: (body: { username: string; password: string; role: 'viewer' | 'operator' | 'admin' }) => Promise<User>
}

function apiHelpers(request: APIRequestContext): ApiHelpers {
  return {
    request,
    async createProject(body) {
      const response = await request.post('/api/projects', { data: body })
      expect(response.status(), await response.text()).toBe(201)
      return (await response.json()) as Project
    },
    async createUser(body) {
      const response = await request.post('/api/users', { data: body })
      expect(response.status(), await response.text()).toBe(201)
      return (await response.json()) as User
    },
  }
}

export const test = base.extend<Fixtures & Options>({
  account: [ADMIN, { option: true }],
  context: async ({ context, account }, use) => {
    if (account) await signInContext(context, account)
    await use(context)
  },
  consoleProblems: [
    async ({ context }, use) => {
      const problems: string[] = []
      const allowed = new Set<number>()
      const expectedHttpError = (text: string) => {
        const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(text)?.[1]
        return status !== undefined && allowed.has(Number(status))
      }
      const watch = (page: import('@playwright/test').Page) => {
        page.on('console', (message: ConsoleMessage) => {
          if ((message.type() === 'error' || message.type() === 'warning') && !expectedHttpError(message.text())) {
            problems.push(`${message.type()} on ${page.url()}: ${message.text()}`)
          }
        })
        page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`))
      }
      context.pages().forEach(watch)
      context.on('page', watch)
      await use({ allowHttpStatus: (status) => allowed.add(status) })
      expect(problems, 'console errors or warnings').toEqual([])
    },
    { auto: true },
  ],
  api: async ({ playwright, baseURL }, use) => {
    const anonymous = await playwright.request.newContext({ baseURL })
    const { access_token } = await loginThroughApi(anonymous, ADMIN)
    await anonymous.dispose()
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${access_token}` } })
    await use(apiHelpers(request))
    await request.dispose()
  },
})

export { ADMIN, expect }

/** A name no other test (or earlier run against the same server) will have. */
export function uniqueName(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`
}
