const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
const exact = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' })
const shortDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium' })

/** "just now", "5 minutes ago", "yesterday", "3 days ago"; past a month, the date itself. */
export function formatRelativeTime(value: string | Date, now: Date = new Date()): string {
  const date = typeof value === 'string' ? new Date(value) : value
  const time = date.getTime()
  if (Number.isNaN(time)) return 'unknown'
  const diff = time - now.getTime()
  const abs = Math.abs(diff)
  if (abs < 45 * SECOND) return 'just now'
  if (abs < 45 * MINUTE) return relative.format(Math.round(diff / MINUTE), 'minute')
  if (abs < 22 * HOUR) return relative.format(Math.round(diff / HOUR), 'hour')
  if (abs < 30 * DAY) return relative.format(Math.round(diff / DAY), 'day')
  return shortDate.format(date)
}

/** Full date and time in the viewer's time zone, for tooltips and detail pages. */
export function formatDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? 'unknown' : exact.format(date)
}
