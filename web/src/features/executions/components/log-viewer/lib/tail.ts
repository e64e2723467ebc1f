/**
 * When the log follows new lines. Only the reader moving up lets go (rows measuring themselves or
 * new lines arriving never do); coming back to the bottom follows again.
 */

/** Within this many pixels of the bottom counts as "at the bottom". */
export const BOTTOM_SLACK_PX = 24

export type ScrollSample = { scrollTop: number; scrollHeight: number; clientHeight: number }

export function distanceFromBottom(sample: ScrollSample): number {
  return Math.max(0, sample.scrollHeight - sample.scrollTop - sample.clientHeight)
}

/** Whether to follow after a scroll event, given where the previous one left the view. */
export function followAfterScroll(following: boolean, sample: ScrollSample, previousScrollTop: number): boolean {
  if (distanceFromBottom(sample) <= BOTTOM_SLACK_PX) return true
  if (sample.scrollTop < previousScrollTop - 1) return false
  return following
}

/** "Resume live tail (3 new)": lines shown now that were not when the reader let go. */
export function newSincePause(rowCount: number, rowsAtPause: number | null): number {
  return rowsAtPause === null ? 0 : Math.max(0, rowCount - rowsAtPause)
}
