/** What a masked secret looks like in the API's answers. */
export const MASK = '********'

/** `{secret: "..."}`: a value marked secret (masked when it comes back). */
export function isSecret(value: unknown): value is { secret: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>).secret === 'string'
  )
}

/**
 * One line for a configuration value: strings as they are, secrets as the mask, lists and objects
 * in a compact flow style (`[a, b]`, `{k: v}`), a missing value as "unset".
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'unset'
  if (isSecret(value)) return MASK
  if (typeof value === 'string') return value === '' ? '""' : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map(formatNested).join(', ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    return `{${entries.map(([key, item]) => `${key}: ${formatNested(item)}`).join(', ')}}`
  }
  return String(value)
}

function formatNested(value: unknown): string {
  if (typeof value === 'string') return value === '' || /[,:[\]{}]/.test(value) ? JSON.stringify(value) : value
  if (value === null || value === undefined) return 'null'
  return formatValue(value)
}
