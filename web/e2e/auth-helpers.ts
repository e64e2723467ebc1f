import type { APIRequestContext, BrowserContext } from '@playwright/test'

/** The password of the `admin` user the server creates on first start (playwright.config.ts passes it in). */
export const ADMIN_PASSWORD = 'admin-password-e2e'
export const ADMIN = { username: 'admin', password: ADMIN_PASSWORD } as const

/** The app's localStorage flag that a refresh cookie may exist (SESSION_HINT_KEY in src/lib/session.ts). */
const SESSION_HINT_KEY = 'baton-session'

export type Account = { username: string; password: string }
export type SessionBody = { access_token: string; user: { id: string; username: string; role: string } }

/** Signs in through the API and returns the session (the access token is the bearer for API calls). */
export async function loginThroughApi(request: APIRequestContext, account: Account): Promise<SessionBody> {
  const response = await request.post('/api/auth/login', { data: account })
  if (response.status() !== 200) throw new Error(`sign-in as ${account.username} failed: ${response.status()} ${await response.text()}`)
  return (await response.json()) as SessionBody
}

/**
 * Signs a browser context in the fast way, ending in the same state the sign-in form leaves: the
 * refresh cookie in the context's cookie jar (context.request shares it) and the app's hint, so
 * the app restores the session on its first load.
 */
export async function signInContext(context: BrowserContext, account: Account) {
  await loginThroughApi(context.request, account)
  // Once per tab: after the app signs out (and clears the hint) a reload must stay signed out.
  await context.addInitScript((key) => {
    try {
      if (sessionStorage.getItem('e2e-hint-set') === null) {
        localStorage.setItem(key, '1')
        sessionStorage.setItem('e2e-hint-set', '1')
      }
    } catch {
      // about:blank and other opaque origins have no storage.
    }
  }, SESSION_HINT_KEY)
}
