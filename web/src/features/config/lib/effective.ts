import type { ConfigOrigin } from '../api/types'
import { isSecret } from './values'

export type EffectiveRow = { path: string; value: unknown; origin: ConfigOrigin; secret: boolean }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The origin of `path`, or of its nearest ancestor that has one; `default` when none does. */
export function originOf(path: string, origins: Record<string, ConfigOrigin>): ConfigOrigin {
  let current = path
  for (;;) {
    const origin = origins[current]
    if (origin) return origin
    const dot = current.lastIndexOf('.')
    if (dot < 0) return 'default'
    current = current.slice(0, dot)
  }
}

/**
 * The effective configuration as rows, one per leaf: objects are walked into, lists, secrets and
 * empty objects are values of their own. Keys keep the document's order.
 */
export function effectiveRows(effective: Record<string, unknown>, origins: Record<string, ConfigOrigin>): EffectiveRow[] {
  const rows: EffectiveRow[] = []
  const walk = (value: unknown, path: string) => {
    if (path !== '' && (!isObject(value) || isSecret(value) || Object.keys(value).length === 0)) {
      rows.push({ path, value, origin: originOf(path, origins), secret: isSecret(value) })
      return
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) walk(child, path === '' ? key : `${path}.${key}`)
  }
  walk(effective, '')
  return rows
}

/** Rows whose path or shown value contain the query (case-insensitive). */
export function filterRows(rows: EffectiveRow[], query: string, show: (value: unknown) => string): EffectiveRow[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return rows
  return rows.filter((row) => row.path.toLowerCase().includes(needle) || (!row.secret && show(row.value).toLowerCase().includes(needle)))
}
