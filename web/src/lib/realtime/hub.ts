import { topicKey, topicMessage, type Ack, type ServerEventName, type ServerEvents, type Topic } from './events'
import { createSubscriptionRegistry } from './subscriptions'

export type RealtimeStatus = 'connecting' | 'connected' | 'disconnected'

/** Why consumers must re-read what they show: events may have been missed in between. */
export type ResyncReason = 'reconnect' | 'restart' | 'lagged'

/** The part of a socket.io client socket the hub uses (a fake in tests). */
export interface RealtimeSocket {
  readonly connected: boolean
  /** False once the server refused the connection: socket.io will not retry by itself then. */
  readonly active: boolean
  on(event: 'connect', listener: () => void): unknown
  on(event: 'disconnect', listener: (reason: string) => void): unknown
  on(event: 'connect_error', listener: (error: Error) => void): unknown
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown
  emit(event: string, payload: unknown, ack: (answer: Ack) => void): unknown
  connect(): unknown
  disconnect(): unknown
}

/** Called by socket.io before every connection attempt, so a reconnect sends the newest token. */
export type AuthCallback = (cb: (data: { token: string | null }) => void) => void
export type SocketFactory = (auth: AuthCallback) => RealtimeSocket

/** The session as the hub needs it (lib/session's manager fits). */
export type RealtimeAuth = {
  getAccessToken(): string | null
  /** Renews the token (single-flight); null when the session cannot be renewed. */
  tokenAfterUnauthorized(usedToken: string | null): Promise<string | null>
}

type Timer = ReturnType<typeof setTimeout>

export type HubOptions = {
  setTimer?: (callback: () => void, ms: number) => Timer
  clearTimer?: (timer: Timer) => void
}

/** The server refuses tokens this way; a refreshed token gets us in. */
export const EXPIRED_TOKEN_MESSAGE = 'invalid or expired token'
const FORBIDDEN_MESSAGE = 'ingest tokens may not subscribe'
/** A subscription the server does not answer within this long is treated as answered. */
export const ACK_TIMEOUT_MS = 10_000
const RETRY_BASE_MS = 1_000
const RETRY_MAX_MS = 30_000

type Listener = (payload: never) => void

/**
 * One socket for the signed-in session, and everything the page has asked of it: rooms (counted,
 * joined again on every new connection), event listeners, and the "re-read now" signal.
 *
 * The hub outlives sockets: when the session ends the socket is closed, and components that still
 * hold a subscription keep it; the next session's socket joins those rooms.
 */
export function createRealtimeHub(options: HubOptions = {}) {
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms))
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer))

  const registry = createSubscriptionRegistry()
  /** Rooms the server confirmed on the current connection. */
  const joined = new Set<string>()
  /** The latest join asked per room: only its answer counts (a leave and a join may cross). */
  const pendingJoin = new Map<string, number>()
  let joinCounter = 0

  const eventListeners = new Map<string, Set<Listener>>()
  const statusListeners = new Set<() => void>()
  const resyncListeners = new Set<(reason: ResyncReason) => void>()
  const joinedListeners = new Set<(key: string) => void>()

  // Until a session starts the socket, "on its way" is the honest state: nothing has failed.
  let status: RealtimeStatus = 'connecting'
  let socket: RealtimeSocket | null = null
  let auth: RealtimeAuth | null = null
  let lastSentToken: string | null = null
  /** Bumped on every connect and disconnect: answers of an older connection are ignored. */
  let connection = 0
  let everConnected = false
  let reconnectResyncPending = false
  let instance: string | null = null
  let lastSeq = 0
  let retryTimer: Timer | undefined
  let retries = 0

  const setStatus = (next: RealtimeStatus) => {
    if (status === next) return
    status = next
    for (const listener of statusListeners) listener()
  }

  const dispatch = (event: string, payload: unknown) => {
    const listeners = eventListeners.get(event)
    if (!listeners) return
    for (const listener of [...listeners]) (listener as (payload: unknown) => void)(payload)
  }

  const fireResync = (reason: ResyncReason) => {
    for (const listener of [...resyncListeners]) listener(reason)
  }

  /** Asks the server to join the topic's room; resolves once it answered (or did not in time). */
  const join = (topic: Topic): Promise<void> => {
    const current = socket
    if (!current?.connected) return Promise.resolve()
    const key = topicKey(topic)
    const id = ++joinCounter
    const at = connection
    pendingJoin.set(key, id)
    const [event, payload] = topicMessage(topic, 'subscribe')
    return new Promise<void>((resolve) => {
      let done = false
      const finish = () => {
        if (done) return
        done = true
        clearTimer(timer)
        if (at === connection && socket === current && pendingJoin.get(key) === id && registry.has(topic)) {
          pendingJoin.delete(key)
          joined.add(key)
          for (const listener of [...joinedListeners]) listener(key)
        }
        resolve()
      }
      // An error answer (e.g. `id: execution not found`) joins nothing, but waiting longer would not help either.
      const timer = setTimer(finish, ACK_TIMEOUT_MS)
      current.emit(event, payload, finish)
    })
  }

  const leave = (topic: Topic) => {
    const key = topicKey(topic)
    joined.delete(key)
    pendingJoin.delete(key)
    if (!socket?.connected) return
    const [event, payload] = topicMessage(topic, 'unsubscribe')
    socket.emit(event, payload, () => {})
  }

  const clearRetry = () => {
    if (retryTimer !== undefined) clearTimer(retryTimer)
    retryTimer = undefined
  }

  /** After a refusal socket.io stops trying: try again later, a little later each time. */
  const retryLater = () => {
    clearRetry()
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** retries)
    retries += 1
    const current = socket
    retryTimer = setTimer(() => {
      retryTimer = undefined
      if (socket === current && current && !current.connected) current.connect()
    }, delay)
  }

  const onConnect = (current: RealtimeSocket) => {
    if (socket !== current) return
    connection += 1
    retries = 0
    clearRetry()
    joined.clear()
    pendingJoin.clear()
    const reconnect = everConnected
    everConnected = true
    reconnectResyncPending = reconnect
    setStatus('connected')
    const at = connection
    // Join first, then tell consumers to re-read: what they read afterwards cannot miss an event.
    void Promise.all(registry.topics().map(join)).then(() => {
      if (!reconnect || at !== connection) return
      reconnectResyncPending = false
      fireResync('reconnect')
    })
  }

  const onDisconnect = (current: RealtimeSocket, reason: string) => {
    if (socket !== current) return
    connection += 1
    joined.clear()
    pendingJoin.clear()
    setStatus(everConnected ? 'disconnected' : 'connecting')
    // The server cut us off on purpose (e.g. the account changed): socket.io will not reconnect by itself.
    if (reason === 'io server disconnect') retryLater()
  }

  const onConnectError = async (current: RealtimeSocket, error: Error) => {
    if (socket !== current) return
    setStatus(everConnected ? 'disconnected' : 'connecting')
    // Still active: a network failure socket.io retries by itself, with backoff.
    if (current.active) return
    if (error.message === FORBIDDEN_MESSAGE) return
    if (error.message === EXPIRED_TOKEN_MESSAGE && auth) {
      const fresh = await auth.tokenAfterUnauthorized(lastSentToken)
      if (socket !== current) return
      if (fresh && fresh !== lastSentToken) {
        current.connect()
        return
      }
    }
    retryLater()
  }

  const onEvent = (event: string, payload: unknown) => {
    const seq = (payload as { seq?: unknown } | null)?.seq
    if (event === 'hello') {
      const hello = payload as ServerEvents['hello']
      const restarted = instance !== null && hello.instance !== instance
      instance = hello.instance
      lastSeq = hello.seq
      dispatch(event, payload)
      // A restart is also a reconnect, which re-reads once its rooms are joined; only re-read here otherwise.
      if (restarted && !reconnectResyncPending) fireResync('restart')
      return
    }
    if (typeof seq === 'number') lastSeq = Math.max(lastSeq, seq)
    dispatch(event, payload)
    if (event === 'lagged') fireResync('lagged')
  }

  /** Closes the socket (sign-out). Subscriptions stay counted for the next one. */
  const stop = () => {
    clearRetry()
    const current = socket
    socket = null
    auth = null
    connection += 1
    joined.clear()
    pendingJoin.clear()
    reconnectResyncPending = false
    current?.disconnect()
    setStatus('disconnected')
  }

  return {
    /** Opens the session's socket (closing any previous one). */
    start(factory: SocketFactory, sessionAuth: RealtimeAuth) {
      stop()
      auth = sessionAuth
      everConnected = false
      instance = null
      setStatus('connecting')
      const authCallback: AuthCallback = (cb) => {
        lastSentToken = sessionAuth.getAccessToken()
        cb({ token: lastSentToken })
      }
      const current = factory(authCallback)
      socket = current
      current.on('connect', () => onConnect(current))
      current.on('disconnect', (reason) => onDisconnect(current, reason))
      current.on('connect_error', (error) => void onConnectError(current, error))
      current.onAny((event, payload) => {
        if (socket === current) onEvent(event, payload)
      })
    },

    stop,

    getStatus: (): RealtimeStatus => status,
    onStatus(listener: () => void) {
      statusListeners.add(listener)
      return () => void statusListeners.delete(listener)
    },

    /** Holds the topic's room until the returned function is called; the room is joined once however many hold it. */
    subscribe(topic: Topic): () => void {
      if (registry.add(topic)) void join(topic)
      let released = false
      return () => {
        if (released) return
        released = true
        if (registry.remove(topic)) leave(topic)
      }
    },
    /** Whether the server confirmed the topic's room on the current connection. */
    isJoined: (topic: Topic | string) => joined.has(typeof topic === 'string' ? topic : topicKey(topic)),
    /** Called with the room's key whenever the server confirms a room (again, after a reconnect). */
    onJoined(listener: (key: string) => void) {
      joinedListeners.add(listener)
      return () => void joinedListeners.delete(listener)
    },

    on<E extends ServerEventName>(event: E, listener: (payload: ServerEvents[E]) => void) {
      let listeners = eventListeners.get(event)
      if (!listeners) {
        listeners = new Set()
        eventListeners.set(event, listeners)
      }
      listeners.add(listener as Listener)
      return () => void listeners.delete(listener as Listener)
    },

    /** After a reconnect, a server restart or a `lagged`: events may have been missed, re-read through REST. */
    onResync(listener: (reason: ResyncReason) => void) {
      resyncListeners.add(listener)
      return () => void resyncListeners.delete(listener)
    },

    /** The last event sequence number seen, and the server instance it belongs to. */
    position: () => ({ instance, seq: lastSeq }),
  }
}

export type RealtimeHub = ReturnType<typeof createRealtimeHub>
