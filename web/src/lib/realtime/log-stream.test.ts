import { describe, expect, it, vi } from 'vitest'

import { createLogStream, FIRST_PAGE_SIZE, type LogPageLike } from './log-stream'

type Entry = { seq: number }
const range = (from: number, to: number): Entry[] => Array.from({ length: to - from + 1 }, (_, i) => ({ seq: from + i }))

/** A server whose log has `written` entries; each request reads a page of it. */
function fakeServer() {
  const server = {
    written: 0,
    requests: [] as { after: number; limit: number }[],
    gate: null as Promise<void> | null,
    fail: false,
    async fetchPage(after: number, limit: number): Promise<LogPageLike<Entry>> {
      server.requests.push({ after, limit })
      if (server.gate) await server.gate
      if (server.fail) throw new Error('offline')
      const items = range(after + 1, Math.min(server.written, after + limit))
      return { items, last_seq: items.at(-1)?.seq ?? after }
    },
  }
  return server
}

function setup(joined = true) {
  const server = fakeServer()
  const onChange = vi.fn()
  const stream = createLogStream<Entry>({ fetchPage: (a, l) => server.fetchPage(a, l), isJoined: () => joined, onChange })
  const seqsOf = () => stream.state().entries.map((e) => e.seq)
  return { server, stream, onChange, seqsOf }
}

describe('createLogStream', () => {
  it('reads page after page until a short one', async () => {
    const { server, stream, seqsOf } = setup()
    server.written = FIRST_PAGE_SIZE + 10
    await stream.read()
    expect(server.requests.map((r) => r.after)).toEqual([0, FIRST_PAGE_SIZE])
    expect(seqsOf()).toHaveLength(FIRST_PAGE_SIZE + 10)
    expect(stream.state()).toMatchObject({ loading: false, hasMore: false, synced: true, error: null })
  })

  it('holds frames during a read and merges them after it: no gap, no duplicate', async () => {
    const { server, stream, seqsOf } = setup()
    server.written = 5
    let open!: () => void
    server.gate = new Promise((resolve) => (open = resolve))
    const reading = stream.read()
    // Written and sent while the page is in flight; the page will contain 4 and 5 as well.
    server.written = 7
    stream.frame(range(4, 7))
    expect(seqsOf()).toEqual([])
    server.written = 5
    open()
    await reading
    expect(seqsOf()).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('appends frames directly once synced, dropping what it already has', async () => {
    const { server, stream, seqsOf, onChange } = setup()
    server.written = 3
    await stream.read()
    onChange.mockClear()
    stream.frame(range(2, 5))
    expect(seqsOf()).toEqual([1, 2, 3, 4, 5])
    expect(onChange).toHaveBeenCalledTimes(1)
    stream.frame(range(4, 5))
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it('after a disconnect, holds frames until a read from the last seq fills the gap', async () => {
    const { server, stream, seqsOf } = setup()
    server.written = 3
    await stream.read()
    stream.unsync()
    // 4–6 were written while disconnected; the first frame after the reconnect has 7.
    server.written = 7
    stream.frame(range(7, 7))
    expect(seqsOf()).toEqual([1, 2, 3])
    await stream.read()
    expect(server.requests.at(-1)?.after).toBe(3)
    expect(seqsOf()).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('reads once more when asked again during a read', async () => {
    const { server, stream, seqsOf } = setup()
    server.written = 2
    let open!: () => void
    server.gate = new Promise((resolve) => (open = resolve))
    const first = stream.read()
    void stream.read()
    server.written = 4
    open()
    await first
    server.gate = null
    await vi.waitFor(() => expect(stream.isReading()).toBe(false))
    expect(seqsOf()).toEqual([1, 2, 3, 4])
  })

  it('keeps what it has on an error and resumes from the last seq on retry', async () => {
    const { server, stream, seqsOf } = setup()
    server.written = 2
    await stream.read()
    stream.unsync()
    server.fail = true
    server.written = 4
    await stream.read()
    expect(stream.state().error?.message).toBe('offline')
    stream.frame(range(5, 5))
    server.fail = false
    server.written = 5
    await stream.read()
    expect(stream.state().error).toBeNull()
    expect(seqsOf()).toEqual([1, 2, 3, 4, 5])
  })

  it('is not synced when it read outside the room', async () => {
    const { server, stream, seqsOf } = setup(false)
    server.written = 1
    await stream.read()
    stream.frame(range(3, 3))
    expect(seqsOf()).toEqual([1])
    expect(stream.state().synced).toBe(false)
  })
})
