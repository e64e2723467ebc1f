export type JsonObject = { [key: string]: unknown }

export type JsonObjectResult = { ok: true; value: JsonObject } | { ok: false; error: string }

/**
 * Parses text that must hold a JSON object (not an array, string or null). Empty text is `{}`,
 * so an untouched optional field is valid.
 */
export function parseJsonObject(text: string): JsonObjectResult {
  if (text.trim() === '') return { ok: true, value: {} }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'invalid JSON'
    return { ok: false, error: `Not valid JSON: ${detail}` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
    return { ok: false, error: `Must be a JSON object ({ ... }), not ${kind}.` }
  }
  return { ok: true, value: value as JsonObject }
}

/** Pretty-prints for display and editing: two-space indent, `{}` for an empty object. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2)
}

/** Structural equality for JSON values, used to send only the fields a form changed. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as JsonObject)[k], (b as JsonObject)[k]))
}
