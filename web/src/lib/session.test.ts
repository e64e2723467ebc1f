import { describe, expect, it, vi } from 'vitest'

import { createSessionManager, REFRESH_LEAD_SECONDS, SESSION_HINT_KEY, type SessionPayload } from '@/lib/session'

const user = { id: 'u1', username: 'admin', role: 'admin' as const, kind: 'user' }

function payload(token: string, expiresIn = 900): SessionPayload {
  return { access_token: token, expires_in: expiresIn, user }
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
    data,
  }
}

/** A manager whose refresh answers are queued by the test, with timers under the test's control. */
function setup({ hint = true }: { hint?: boolean } = {}) {
  const storage = memoryStorage(hint ? { [SESSION_HINT_KEY]: '1' } : {})
  const answers: (() => Promise<Response>)[] = []
  const requestRefresh = vi.fn(() => (answers.shift() ?? (() => Promise.resolve(json(401, {}))))())
  const timers: { callback: () => void; ms: number }[] = []
  const manager = createSessionManager({
    requestRefresh,
    storage: () => storage,
    setTimer: (callback, ms) => {
      timers.push({ callback, ms })
      return timers.length as unknown as ReturnType<typeof setTimeout>
    },
    clearTimer: () => {},
  })
  return { manager, storage, answers, requestRefresh, timers }
}

describe('session restore', () => {
  it('does not ask the server when this browser never signed in (no console 401 on a first visit)', async () => {
    const { manager, requestRefresh } = setup({ hint: false })
    await manager.restore()
    expect(requestRefresh).not.toHaveBeenCalled()
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'none' })
  })

  it('restores from the refresh cookie once, however often it is called', async () => {
    const { manager, answers, requestRefresh } = setup()
    answers.push(() => Promise.resolve(json(200, payload('t1'))))
    await Promise.all([manager.restore(), manager.restore()])
    expect(requestRefresh).toHaveBeenCalledTimes(1)
    expect(manager.getState()).toEqual({ status: 'signed-in', user })
    expect(manager.getAccessToken()).toBe('t1')
  })

  it('ends quietly (reason none) and forgets the hint when the cookie is no longer valid', async () => {
    const { manager, storage } = setup()
    await manager.restore()
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'none' })
    expect(storage.data.has(SESSION_HINT_KEY)).toBe(false)
  })

  it('shows the sign-in page when the server cannot be reached', async () => {
    const { manager, answers } = setup()
    answers.push(() => Promise.reject(new TypeError('Failed to fetch')))
    await manager.restore()
    expect(manager.getState().status).toBe('signed-out')
  })
})

describe('session refresh', () => {
  it('is single-flight: overlapping callers share one request and one new token', async () => {
    const { manager, answers, requestRefresh } = setup()
    manager.start(payload('old'))
    let resolve!: (response: Response) => void
    answers.push(() => new Promise((r) => (resolve = r)))
    const first = manager.refresh()
    const second = manager.refresh()
    const third = manager.tokenAfterUnauthorized('old')
    resolve(json(200, payload('new')))
    expect(await Promise.all([first, second, third])).toEqual(['new', 'new', 'new'])
    expect(requestRefresh).toHaveBeenCalledTimes(1)
    // A later refresh is a new request.
    answers.push(() => Promise.resolve(json(200, payload('newer'))))
    expect(await manager.refresh()).toBe('newer')
    expect(requestRefresh).toHaveBeenCalledTimes(2)
  })

  it('after a 401 uses a token another request already renewed, without refreshing again', async () => {
    const { manager, requestRefresh } = setup()
    manager.start(payload('current'))
    expect(await manager.tokenAfterUnauthorized('stale')).toBe('current')
    expect(requestRefresh).not.toHaveBeenCalled()
  })

  it('ends the session as expired when the refresh is refused', async () => {
    const { manager, storage } = setup()
    manager.start(payload('t1'))
    expect(await manager.tokenAfterUnauthorized('t1')).toBeNull()
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'expired' })
    expect(manager.getAccessToken()).toBeNull()
    expect(storage.data.has(SESSION_HINT_KEY)).toBe(false)
  })

  it('keeps the session through a network failure', async () => {
    const { manager, answers } = setup()
    manager.start(payload('t1'))
    answers.push(() => Promise.reject(new TypeError('Failed to fetch')))
    expect(await manager.tokenAfterUnauthorized('t1')).toBeNull()
    expect(manager.getState().status).toBe('signed-in')
    expect(manager.getAccessToken()).toBe('t1')
  })

  it('renews a minute before the access token expires', async () => {
    const { manager, answers, timers, requestRefresh } = setup()
    manager.start(payload('t1', 900))
    expect(timers.at(-1)?.ms).toBe((900 - REFRESH_LEAD_SECONDS) * 1000)
    answers.push(() => Promise.resolve(json(200, payload('t2', 900))))
    timers.at(-1)?.callback()
    await vi.waitFor(() => expect(manager.getAccessToken()).toBe('t2'))
    expect(requestRefresh).toHaveBeenCalledTimes(1)
    expect(timers).toHaveLength(2)
  })

  it('notifies subscribers on sign-in and sign-out, and remembers the hint meanwhile', () => {
    const { manager, storage } = setup({ hint: false })
    const listener = vi.fn()
    manager.subscribe(listener)
    manager.start(payload('t1'))
    expect(storage.data.get(SESSION_HINT_KEY)).toBe('1')
    manager.end('signed-out')
    expect(listener).toHaveBeenCalledTimes(2)
    expect(manager.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' })
  })
})
