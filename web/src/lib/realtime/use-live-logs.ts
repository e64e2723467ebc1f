import { useCallback, useEffect, useRef, useState } from 'react'

import { api, unwrap } from '@/lib/api-client'

import { topicKey, type LiveLogEntry, type Topic } from './events'
import { createLogStream, type LogStream } from './log-stream'
import { useRealtimeHub, useSubscription } from './realtime-context'

/** Without a socket, new lines are asked for this often. */
export const LOGS_FALLBACK_POLL_MS = 5000

export type LiveLogs = {
  /** Every entry so far, ascending `seq`; a new array whenever entries were added. */
  entries: LiveLogEntry[]
  /** Nothing read yet. */
  loading: boolean
  /** The last read failed; `retry` reads again from the last entry kept. */
  error: Error | null
  /** A long log is still being read, page by page. */
  hasMore: boolean
  /** New entries arrive as they are written (the socket is in the log's room). */
  live: boolean
  retry: () => void
}

type Snapshot = Omit<LiveLogs, 'live' | 'retry'> & { key: string }

function fetchPage(executionId: string, taskId: string | undefined) {
  return (afterSeq: number, limit: number, signal: AbortSignal) =>
    unwrap(
      api.GET('/api/executions/{id}/logs', {
        params: { path: { id: executionId }, query: { after_seq: afterSeq, limit, ...(taskId ? { task: taskId } : {}) } },
        signal,
      }),
    )
}

/** Schedules `flush` once per animation frame (or soon, where there are no frames). */
function frameScheduler(flush: () => void) {
  let handle: number | null = null
  const run = () => {
    handle = null
    flush()
  }
  return {
    schedule() {
      if (handle !== null) return
      handle = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : window.setTimeout(run, 16)
    },
    cancel() {
      if (handle === null) return
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(handle)
      else window.clearTimeout(handle)
      handle = null
    },
  }
}

/**
 * An execution's log (or one task's), complete and live: REST pages after the last seq kept,
 * merged with the socket's `log:entry` frames, read again after a reconnect or a `lagged`, and
 * polled slowly while there is no socket. Entries collect outside React; the component renders
 * at most once per animation frame however fast lines arrive.
 */
export function useLiveLogs(executionId: string, taskId?: string): LiveLogs {
  const hub = useRealtimeHub()
  const topic: Topic = taskId ? { kind: 'logs', executionId, taskId } : { kind: 'logs', executionId }
  const key = topicKey(topic)
  const live = useSubscription(topic)

  const empty = (): Snapshot => ({ key, entries: [], loading: true, error: null, hasMore: false })
  const [snapshot, setSnapshot] = useState<Snapshot>(empty)
  const streamRef = useRef<LogStream<LiveLogEntry> | null>(null)

  useEffect(() => {
    let pollTimer: number | undefined
    const stream: LogStream<LiveLogEntry> = createLogStream<LiveLogEntry>({
      fetchPage: fetchPage(executionId, taskId),
      isJoined: () => hub.isJoined(key),
      onChange: () => scheduler.schedule(),
    })
    const scheduler = frameScheduler(() => {
      const state = stream.state()
      setSnapshot((previous) => {
        const entries = previous.key === key && previous.entries.length === state.entries.length ? previous.entries : state.entries.slice()
        return { key, entries, loading: state.loading, error: state.error, hasMore: state.hasMore }
      })
    })
    streamRef.current = stream

    const poll = () => {
      window.clearTimeout(pollTimer)
      if (hub.getStatus() === 'connected') return
      pollTimer = window.setTimeout(() => void stream.read().then(poll), LOGS_FALLBACK_POLL_MS)
    }
    const read = () => void stream.read().then(poll)

    const offFrame = hub.on('log:entry', (frame) => {
      if (frame.execution_id !== executionId) return
      // A socket also in the whole execution's room gets every task's lines.
      stream.frame(taskId ? frame.entries.filter((entry) => entry.task_id === taskId) : frame.entries)
    })
    const offJoined = hub.onJoined((joinedKey) => {
      if (joinedKey === key) read()
    })
    const offResync = hub.onResync(read)
    const offStatus = hub.onStatus(() => {
      stream.unsync()
      poll()
    })
    // In the room already (another view holds it), or no socket to wait for: read now. Otherwise
    // the room's confirmation starts the first read.
    if (hub.isJoined(key) || hub.getStatus() !== 'connected') read()

    return () => {
      offFrame()
      offJoined()
      offResync()
      offStatus()
      window.clearTimeout(pollTimer)
      scheduler.cancel()
      stream.dispose()
      streamRef.current = null
    }
  }, [hub, key, executionId, taskId])

  const retry = useCallback(() => void streamRef.current?.read(), [])
  const current = snapshot.key === key ? snapshot : empty()
  return { entries: current.entries, loading: current.loading, error: current.error, hasMore: current.hasMore, live, retry }
}
