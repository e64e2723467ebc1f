import { describe, expect, it, vi } from 'vitest'

import type { Ack } from './events'
import { createRealtimeHub, EXPIRED_TOKEN_MESSAGE, type AuthCallback, type RealtimeSocket } from './hub'

/** A socket.io socket as far as the hub can tell, driven by the test. */
class FakeSocket implements RealtimeSocket {
  connected = false
  active = true
  emitted: { event: string; payload: unknown; ack: (answer: Ack) => void }[] = []
  connects = 0
  private handlers = new Map<string, ((...args: never[]) => void)[]>()
  private any: ((event: string, ...args: unknown[]) => void)[] = []

  constructor(readonly auth: AuthCallback) {}

  on(event: string, listener: (...args: never[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener])
    return this
  }
  onAny(listener: (event: string, ...args: unknown[]) => void) {
    this.any.push(listener)
    return this
  }
  emit(event: string, payload: unknown, ack: (answer: Ack) => void) {
    this.emitted.push({ event, payload, ack })
    return this
  }
  connect() {
    this.connects += 1
    return this
  }
  disconnect() {
    this.connected = false
    return this
  }

  private fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args)
  }
  /** The server accepted the connection (and answers every subscription at once). */
  open(instance = 'i1') {
    this.connected = true
    this.active = true
    this.fire('connect')
    this.server('hello', { instance, seq: 0, user: { id: 'u', username: 'admin', role: 'admin' } })
  }
  drop() {
    this.connected = false
    this.fire('disconnect', 'transport close')
  }
  refuse(message: string) {
    this.active = false
    this.fire('connect_error', new Error(message))
  }
  server(event: string, payload: unknown) {
    for (const listener of this.any) listener(event, payload)
  }
  ackAll() {
    for (const message of this.emitted.splice(0)) message.ack({ ok: true })
  }
  sent() {
    return this.emitted.map((m) => `${m.event} ${JSON.stringify(m.payload)}`)
  }
}

function setup(token = 't1') {
  const hub = createRealtimeHub()
  const sockets: FakeSocket[] = []
  const auth = { getAccessToken: vi.fn(() => token), tokenAfterUnauthorized: vi.fn(async () => 't2' as string | null) }
  hub.start((callback) => {
    const socket = new FakeSocket(callback)
    sockets.push(socket)
    return socket
  }, auth)
  return { hub, socket: sockets[0]!, auth }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('realtime hub', () => {
  it('joins a room once however many hold it, and leaves it with the last', () => {
    const { hub, socket } = setup()
    socket.open()
    const releaseA = hub.subscribe({ kind: 'execution', id: 'e1' })
    const releaseB = hub.subscribe({ kind: 'execution', id: 'e1' })
    expect(socket.sent()).toEqual(['subscribe:execution {"id":"e1"}'])
    releaseA()
    releaseA()
    expect(socket.sent()).toHaveLength(1)
    releaseB()
    expect(socket.sent()).toEqual(['subscribe:execution {"id":"e1"}', 'unsubscribe:execution {"id":"e1"}'])
  })

  it('joins what is held once connected, and reports it joined when the server answers', () => {
    const { hub, socket } = setup()
    const joined = vi.fn()
    hub.onJoined(joined)
    hub.subscribe({ kind: 'global' })
    expect(socket.sent()).toEqual([])
    expect(hub.getStatus()).toBe('connecting')
    socket.open()
    expect(hub.getStatus()).toBe('connected')
    expect(socket.sent()).toEqual(['subscribe:global {}'])
    expect(hub.isJoined({ kind: 'global' })).toBe(false)
    socket.ackAll()
    expect(hub.isJoined({ kind: 'global' })).toBe(true)
    expect(joined).toHaveBeenCalledWith('global')
  })

  it('after a reconnect joins every room again, then asks for a resync', async () => {
    const { hub, socket } = setup()
    const resync = vi.fn()
    hub.onResync(resync)
    hub.subscribe({ kind: 'global' })
    hub.subscribe({ kind: 'logs', executionId: 'e1' })
    socket.open()
    socket.ackAll()
    await flush()
    expect(resync).not.toHaveBeenCalled()

    socket.drop()
    expect(hub.getStatus()).toBe('disconnected')
    expect(hub.isJoined({ kind: 'global' })).toBe(false)
    socket.open()
    expect(socket.sent()).toEqual(['subscribe:global {}', 'subscribe:logs {"execution_id":"e1"}'])
    await flush()
    // Not before the rooms are joined: a read before that could miss an event.
    expect(resync).not.toHaveBeenCalled()
    socket.ackAll()
    await flush()
    expect(resync).toHaveBeenCalledTimes(1)
    expect(resync).toHaveBeenCalledWith('reconnect')
  })

  it('asks for a resync on lagged, and passes events to their listeners', () => {
    const { hub, socket } = setup()
    const resync = vi.fn()
    const started = vi.fn()
    hub.onResync(resync)
    const off = hub.on('execution:started', started)
    socket.open()
    socket.server('execution:started', { seq: 4, at: 'now', execution: { id: 'e1' } })
    expect(started).toHaveBeenCalledWith({ seq: 4, at: 'now', execution: { id: 'e1' } })
    off()
    socket.server('execution:started', { seq: 5, at: 'now', execution: { id: 'e2' } })
    expect(started).toHaveBeenCalledTimes(1)
    socket.server('lagged', { seq: 6, at: 'now', reason: 'buffer full' })
    expect(resync).toHaveBeenCalledWith('lagged')
    expect(hub.position()).toEqual({ instance: 'i1', seq: 6 })
  })

  it('refreshes an expired token and reconnects with the new one', async () => {
    const { socket, auth } = setup()
    const sent: (string | null)[] = []
    socket.auth((data) => sent.push(data.token))
    socket.refuse(EXPIRED_TOKEN_MESSAGE)
    await flush()
    expect(auth.tokenAfterUnauthorized).toHaveBeenCalledWith('t1')
    expect(socket.connects).toBe(1)
  })

  it('ignores answers and events of a socket it has closed', async () => {
    const { hub, socket } = setup()
    const listener = vi.fn()
    hub.on('project:deleted', listener)
    hub.subscribe({ kind: 'global' })
    socket.open()
    hub.stop()
    expect(hub.getStatus()).toBe('disconnected')
    socket.ackAll()
    socket.server('project:deleted', { seq: 1, at: 'now', id: 'p' })
    expect(listener).not.toHaveBeenCalled()
    expect(hub.isJoined({ kind: 'global' })).toBe(false)
  })
})
