import type { components } from '@/lib/api/schema.gen'

export type SessionUser = components['schemas']['Me']
export type SessionPayload = Pick<components['schemas']['Session'], 'access_token' | 'expires_in' | 'user'>

/**
 * Why there is no session: never was one on this device (`none`), the user signed out, or it
 * could not be renewed (`expired`, e.g. an admin changed the account or the refresh token lapsed).
 */
export type SignedOutReason = 'none' | 'signed-out' | 'expired'

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-in'; user: SessionUser }
  | { status: 'signed-out'; reason: SignedOutReason }

/**
 * localStorage key of a flag (never a token) that says this browser may hold a refresh cookie.
 * The cookie is httpOnly, so the app cannot see it; without the flag, a first visit would ask
 * /api/auth/refresh anyway and get a 401 that the browser logs as a console error.
 */
export const SESSION_HINT_KEY = 'baton-session'

/** Renew this long before the access token expires. */
export const REFRESH_LEAD_SECONDS = 60
/** After a network failure of a scheduled renewal, try again this much later. */
export const REFRESH_RETRY_SECONDS = 30

type Timer = ReturnType<typeof setTimeout>

export type SessionDeps = {
  /** POST /api/auth/refresh with the cookie; the manager makes sure at most one is in flight. */
  requestRefresh: () => Promise<Response>
  storage: () => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined
  setTimer?: (callback: () => void, ms: number) => Timer
  clearTimer?: (timer: Timer) => void
}

/** The result of a refresh: a new access token, `null` when the session is gone, or `'unreachable'`. */
type RefreshOutcome = string | null | 'unreachable'

function isSessionPayload(value: unknown): value is SessionPayload {
  if (typeof value !== 'object' || value === null) return false
  const body = value as Record<string, unknown>
  return typeof body.access_token === 'string' && typeof body.expires_in === 'number' && typeof body.user === 'object' && body.user !== null
}

/**
 * The signed-in session of this tab: the access token lives in memory only, and is renewed from
 * the httpOnly refresh cookie shortly before it expires, or when the server answers 401.
 *
 * Renewals are single-flight: the server revokes the whole session when an already-rotated
 * refresh token is presented again, so two overlapping refreshes in one tab would sign the user
 * out. Every caller awaits the same promise instead.
 */
export function createSessionManager(deps: SessionDeps) {
  const setTimer = deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms))
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer))

  let state: SessionState = { status: 'restoring' }
  let accessToken: string | null = null
  let renewTimer: Timer | undefined
  let inFlight: Promise<RefreshOutcome> | null = null
  let restoring: Promise<void> | null = null
  const listeners = new Set<() => void>()

  const setState = (next: SessionState) => {
    state = next
    for (const listener of listeners) listener()
  }

  const hint = {
    present() {
      try {
        return deps.storage()?.getItem(SESSION_HINT_KEY) === '1'
      } catch {
        // Storage disabled: ask the server, a 401 is the worst that happens.
        return true
      }
    },
    set(present: boolean) {
      try {
        if (present) deps.storage()?.setItem(SESSION_HINT_KEY, '1')
        else deps.storage()?.removeItem(SESSION_HINT_KEY)
      } catch {
        // Nothing to remember it in; the next visit asks the server.
      }
    },
  }

  const schedule = (seconds: number) => {
    if (renewTimer !== undefined) clearTimer(renewTimer)
    renewTimer = setTimer(() => {
      renewTimer = undefined
      void refresh().then((outcome) => {
        if (outcome === 'unreachable' && state.status === 'signed-in') schedule(REFRESH_RETRY_SECONDS)
      })
    }, seconds * 1000)
  }

  /** Takes a new access token (from sign-in or a refresh) and plans its renewal. */
  function start(payload: SessionPayload) {
    accessToken = payload.access_token
    hint.set(true)
    schedule(Math.max(5, payload.expires_in - REFRESH_LEAD_SECONDS))
    const same = state.status === 'signed-in' && JSON.stringify(state.user) === JSON.stringify(payload.user)
    if (!same) setState({ status: 'signed-in', user: payload.user })
  }

  /** Forgets the session in this tab. The server side is ended by the logout call, not here. */
  function end(reason: SignedOutReason) {
    accessToken = null
    if (renewTimer !== undefined) clearTimer(renewTimer)
    renewTimer = undefined
    hint.set(false)
    if (state.status !== 'signed-out' || state.reason !== reason) setState({ status: 'signed-out', reason })
  }

  async function runRefresh(): Promise<RefreshOutcome> {
    let response: Response
    try {
      response = await deps.requestRefresh()
    } catch {
      return 'unreachable'
    }
    if (response.status >= 500) return 'unreachable'
    const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined
    if (!response.ok || !isSessionPayload(body)) {
      end(state.status === 'restoring' ? 'none' : 'expired')
      return null
    }
    start(body)
    return body.access_token
  }

  /** Renews the access token; concurrent callers share one request. */
  function refresh(): Promise<RefreshOutcome> {
    inFlight ??= runRefresh().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  return {
    getState: () => state,
    getAccessToken: () => accessToken,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    start,
    end,
    refresh,

    /** On app load: renew from the cookie once, if this browser may have one. Safe to call again. */
    restore(): Promise<void> {
      restoring ??= (async () => {
        if (state.status !== 'restoring') return
        if (!hint.present()) {
          end('none')
          return
        }
        const outcome = await refresh()
        // The server could not be reached: show the sign-in page, which explains that on submit.
        if (outcome === 'unreachable' && state.status === 'restoring') setState({ status: 'signed-out', reason: 'none' })
      })()
      return restoring
    },

    /**
     * A request sent with `usedToken` was answered 401. If another request has renewed the token
     * meanwhile, use that one; otherwise renew (single-flight). `null`: retrying is pointless.
     */
    async tokenAfterUnauthorized(usedToken: string | null): Promise<string | null> {
      if (state.status !== 'signed-in') return null
      if (accessToken !== null && accessToken !== usedToken) return accessToken
      const outcome = await refresh()
      return outcome === 'unreachable' ? null : outcome
    },
  }
}

export type SessionManager = ReturnType<typeof createSessionManager>

/** The session of this tab. Browser APIs are only touched when it is used, so tests can import this module. */
export const session = createSessionManager({
  requestRefresh: () =>
    fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } }),
  storage: () => (typeof window === 'undefined' ? undefined : window.localStorage),
})
