export const MIN_PASSWORD_LENGTH = 10

/** Mirrors the server's rules, so most mistakes are caught before a request. */
export function validateUsername(value: string): string | undefined {
  const name = value.trim()
  if (!name) return 'Username is required.'
  if (name.length > 64) return 'At most 64 characters.'
  if (!/^[A-Za-z0-9._@-]+$/.test(name)) return 'Use letters, digits, ".", "_", "-" or "@" only.'
  return undefined
}

export function validatePassword(value: string): string | undefined {
  if (value.length < MIN_PASSWORD_LENGTH) return `At least ${MIN_PASSWORD_LENGTH} characters.`
  return undefined
}

/** The server's per-field messages are lower-case fragments ("must be at least 10 characters"). */
export function sentence(message: string): string {
  const text = message.trim()
  if (!text) return text
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`
}
