/** Merging log entries from REST pages and socket frames: never a gap, never a duplicate. */

export type Sequenced = { seq: number }

/**
 * Appends the entries whose `seq` is greater than the last kept one, in place, and returns the new
 * last seq. Entries of an execution only ever grow in `seq`, so anything at or below it is already
 * there (a frame that overlaps a page, or a page read again after a reconnect).
 */
export function appendAfter<T extends Sequenced>(target: T[], lastSeq: number, incoming: readonly T[]): number {
  let last = lastSeq
  for (const entry of incoming) {
    if (entry.seq > last) {
      target.push(entry)
      last = entry.seq
    }
  }
  return last
}

/**
 * Frames that arrive while REST pages are being read are held until the read is done: applied
 * before a page, they would raise the last seq past entries the page still has to deliver.
 */
export function createFrameBuffer<T extends Sequenced>() {
  let held: T[][] = []
  return {
    hold(entries: readonly T[]) {
      held.push([...entries])
    },
    /** Applies every held frame after the pages, and forgets them. */
    drainInto(target: T[], lastSeq: number): number {
      let last = lastSeq
      for (const frame of held) last = appendAfter(target, last, frame)
      held = []
      return last
    },
    clear() {
      held = []
    },
    get size() {
      return held.length
    },
  }
}
