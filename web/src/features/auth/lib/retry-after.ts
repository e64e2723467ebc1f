/** "Try again in 45 seconds." / "in 2 minutes", for a 429's Retry-After; a generic line without one. */
export function formatRetryAfter(seconds: number | null): string {
  if (seconds === null) return 'Wait a minute, then try again.'
  if (seconds <= 1) return 'Try again now.'
  if (seconds < 60) return `Try again in ${seconds} seconds.`
  const minutes = Math.ceil(seconds / 60)
  return `Try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`
}
