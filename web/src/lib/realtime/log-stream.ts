import { appendAfter, createFrameBuffer, type Sequenced } from './log-merge'

/** The first page is small so the first lines show fast; a long log then loads in big pages. */
export const FIRST_PAGE_SIZE = 1000
export const PAGE_SIZE = 5000
/** Frames held while reading beyond this many entries are dropped; another read pass covers them. */
const MAX_HELD_ENTRIES = 50_000

export type LogPageLike<T> = { items: T[]; last_seq: number }

export type LogStreamDeps<T> = {
  /** GET …/logs?after_seq=&limit= (the task filter, if any, is the fetcher's business). */
  fetchPage: (afterSeq: number, limit: number, signal: AbortSignal) => Promise<LogPageLike<T>>
  /** Whether the server confirmed the stream's room on the current connection. */
  isJoined: () => boolean
  /** Something changed; the owner decides when to show it. */
  onChange: () => void
}

export type LogStreamState<T> = {
  /** Every entry kept, ascending `seq`. The array grows in place. */
  entries: readonly T[]
  /** Nothing read yet. */
  loading: boolean
  error: Error | null
  /** A full page came back: older entries are still being read. */
  hasMore: boolean
  /** The last reading finished while in the room: frames are appended as they come. */
  synced: boolean
}

/**
 * An execution's (or one task's) log, kept complete and in order from REST pages and socket
 * frames, as docs/realtime.md asks: be in the room first, then read after the last seq kept until
 * the pages run out; frames that arrive meanwhile wait, and are merged by seq after the pages.
 * Every (re)join of the room, every resync and every retry reads again from the last seq kept.
 */
export function createLogStream<T extends Sequenced>(deps: LogStreamDeps<T>) {
  const entries: T[] = []
  const held = createFrameBuffer<T>()
  let heldCount = 0
  const abort = new AbortController()
  let lastSeq = 0
  let loaded = false
  let reading = false
  let again = false
  let hasMore = false
  let synced = false
  let error: Error | null = null
  let disposed = false

  const hold = (frame: readonly T[]) => {
    if (heldCount + frame.length > MAX_HELD_ENTRIES) {
      // Reading cannot keep up with the stream: forget the frames and read once more instead.
      held.clear()
      heldCount = 0
      again = reading
      return
    }
    held.hold(frame)
    heldCount += frame.length
  }

  async function read(): Promise<void> {
    if (disposed) return
    if (reading) {
      again = true
      return
    }
    reading = true
    synced = false
    error = null
    deps.onChange()
    try {
      do {
        again = false
        let limit = loaded ? PAGE_SIZE : FIRST_PAGE_SIZE
        for (;;) {
          const page = await deps.fetchPage(lastSeq, limit, abort.signal)
          if (disposed) return
          lastSeq = appendAfter(entries, lastSeq, page.items)
          loaded = true
          hasMore = page.items.length >= limit
          deps.onChange()
          if (!hasMore) break
          limit = PAGE_SIZE
        }
      } while (again)
      lastSeq = held.drainInto(entries, lastSeq)
      heldCount = 0
      synced = deps.isJoined()
    } catch (cause) {
      if (disposed) return
      error = cause instanceof Error ? cause : new Error(String(cause))
      // What was held is re-read by the next attempt, from the last seq kept.
      held.clear()
      heldCount = 0
      hasMore = false
    } finally {
      if (!disposed) {
        reading = false
        deps.onChange()
      }
    }
  }

  return {
    read,
    /** A `log:entry` frame's entries that belong to this stream. */
    frame(incoming: readonly T[]) {
      if (disposed || incoming.length === 0) return
      if (synced && !reading) {
        const before = entries.length
        lastSeq = appendAfter(entries, lastSeq, incoming)
        if (entries.length !== before) deps.onChange()
        return
      }
      // A read is running or due (joining, reconnecting): it decides what the frame adds.
      // After an error nothing is due until a retry, which re-reads these entries anyway.
      if (error === null) hold(incoming)
    },
    /** The connection changed: until the next read in the room, frames wait. */
    unsync() {
      synced = false
    },
    state(): LogStreamState<T> {
      return { entries, loading: !loaded && error === null, error, hasMore: reading && hasMore, synced }
    },
    lastSeq: () => lastSeq,
    isReading: () => reading,
    dispose() {
      disposed = true
      abort.abort()
      held.clear()
    },
  }
}

export type LogStream<T extends Sequenced> = ReturnType<typeof createLogStream<T>>
