import { useLayoutEffect, useRef, useState, type RefObject } from 'react'

import { followAfterScroll, newSincePause } from './lib/tail'

/**
 * The live tail of a scrolling log: while following, the view goes to the bottom whenever the
 * content changes height (new rows, rows measuring themselves); the reader scrolling up lets go,
 * coming back to the bottom or `resume` follows again. `fresh` counts the rows that arrived since
 * letting go.
 */
export function useFollowTail(
  scrollRef: RefObject<HTMLElement | null>,
  live: boolean,
  rowCount: number,
  contentHeight: number,
) {
  const [following, setFollowing] = useState(live)
  const [rowsAtPause, setRowsAtPause] = useState<number | null>(null)
  const lastScrollTop = useRef(0)

  const pause = () => {
    if (!following) return
    setFollowing(false)
    setRowsAtPause(rowCount)
  }
  const resume = () => {
    setFollowing(true)
    setRowsAtPause(null)
  }

  // Only when following starts or the content changes height, not on every render. A scroll is
  // reported a frame after it happens: a render in between (a row taking focus on a click) must
  // not take the view back to the bottom before the reader's scroll up lets go, or the row moves
  // from under the pointer between press and release and the click is lost.
  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!following || !el) return
    if (el.scrollHeight - el.scrollTop - el.clientHeight > 1) {
      el.scrollTop = el.scrollHeight
      lastScrollTop.current = el.scrollTop
    }
  }, [scrollRef, following, contentHeight])

  const onScroll = () => {
    const el = scrollRef.current
    if (!el) return
    const next = followAfterScroll(following, el, lastScrollTop.current)
    lastScrollTop.current = el.scrollTop
    if (next && !following) resume()
    else if (!next && following) pause()
  }

  // A wheel turned up lets go at once, before the scroll it causes is reported.
  const onWheel = (event: { deltaY: number }) => {
    if (event.deltaY < 0 && (scrollRef.current?.scrollTop ?? 0) > 0) pause()
  }

  return { following, fresh: newSincePause(rowCount, rowsAtPause), pause, resume, onScroll, onWheel }
}
