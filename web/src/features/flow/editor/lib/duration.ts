const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 }

/**
 * Seconds in `90s`, `30m`, `2h`, `1h30m`, `1d` or a bare number of seconds; null when the server
 * would refuse it (its `parse_duration` in crates/baton/src/domain/plan.rs, same rules).
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim()
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed)
    return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : null
  }
  if (!/^(\d+[smhd])+$/.test(trimmed)) return null
  let total = 0
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhd])/g)) total += Number(amount) * UNITS[unit!]!
  return total > 0 && Number.isSafeInteger(total) ? total : null
}

/** The shortest way to write a number of seconds the server reads back: 5400 → `1h30m`, 45 → `45s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return ''
  let rest = Math.round(seconds)
  let text = ''
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const amount = Math.floor(rest / size)
    if (amount > 0) text += `${amount}${unit}`
    rest -= amount * size
  }
  return text
}

/** The message the server gives for a timeout it cannot read. */
export function durationMessage(text: string): string {
  return `${JSON.stringify(text)} is not a duration (use 90s, 30m, 2h or 1h30m)`
}
