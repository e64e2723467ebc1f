/**
 * Header and environment maps whose values may be secrets, as the API has them
 * (`{"NAME": "plain" | {"secret": "..."}}`, secrets read back as `{"secret": "********"}`), and as a
 * form edits them: one row per entry with a "secret" toggle.
 */

/** What the server shows instead of a secret; sent back unchanged, it keeps the stored value. */
export const SECRET_MASK = '********'

export type SecretMapValue = string | { secret: string }
export type SecretMap = Record<string, SecretMapValue>

export type SecretRow = {
  /** Stable across edits, for React keys. */
  id: string
  name: string
  value: string
  secret: boolean
  /** A stored secret the form has not replaced: sent back as the mask so the server keeps it. */
  kept: boolean
}

let nextId = 0
const newId = () => `row-${(nextId += 1)}`

export function emptyRow(): SecretRow {
  return { id: newId(), name: '', value: '', secret: false, kept: false }
}

/** Rows for a map read from the API; unknown value shapes (a sealed value) count as kept secrets. */
export function rowsFromMap(map: Record<string, unknown> | null | undefined): SecretRow[] {
  return Object.entries(map ?? {}).map(([name, value]) => {
    if (typeof value === 'string') return { id: newId(), name, value, secret: false, kept: false }
    const secret = typeof value === 'object' && value !== null && 'secret' in value ? (value as { secret: unknown }).secret : undefined
    if (typeof secret === 'string' && secret !== SECRET_MASK) return { id: newId(), name, value: secret, secret: true, kept: false }
    return { id: newId(), name, value: '', secret: true, kept: true }
  })
}

export type SecretMapResult = { ok: true; value: SecretMap } | { ok: false; errors: Record<string, string> }

/**
 * The map to send. Blank rows are dropped; errors are keyed by row id: a value without a name,
 * a name used twice, a new secret left empty.
 */
export function mapFromRows(rows: readonly SecretRow[]): SecretMapResult {
  const value: SecretMap = {}
  const errors: Record<string, string> = {}
  const seen = new Set<string>()
  for (const row of rows) {
    const name = row.name.trim()
    if (name === '' && row.value === '' && !row.kept) continue
    if (name === '') {
      errors[row.id] = 'Give it a name.'
      continue
    }
    if (seen.has(name)) {
      errors[row.id] = `“${name}” is set twice.`
      continue
    }
    seen.add(name)
    if (!row.secret) value[name] = row.value
    else if (row.value !== '') value[name] = { secret: row.value }
    else if (row.kept) value[name] = { secret: SECRET_MASK }
    else errors[row.id] = 'Enter the secret value.'
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value }
}

/** For display: the value, or the mask for a secret. */
export function displayValue(value: unknown): { text: string; secret: boolean } {
  if (typeof value === 'string') return { text: value, secret: false }
  return { text: SECRET_MASK, secret: true }
}
