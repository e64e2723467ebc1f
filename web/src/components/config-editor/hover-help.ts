import { keyAt } from './locate'
import { formatPath } from './path'
import { describeSchema, schemaAt, type SchemaHelp } from './schema'
import { parseSource, type ConfigFormat } from './source'

/** What hovering a key shows: the key's path and what its schema says about it. */
export type HoverHelp = SchemaHelp & { from: number; to: number; path: string }

export function helpAt(text: string, format: ConfigFormat, schema: Record<string, unknown>, offset: number): HoverHelp | null {
  const parsed = parseSource(text, format)
  if (!parsed.ok) return null
  const key = keyAt(parsed.tree, offset)
  if (!key) return null
  const subschema = schemaAt(schema, key.path)
  const help = subschema === undefined ? null : describeSchema(schema, subschema)
  return help && { ...help, from: key.span.from, to: key.span.to, path: formatPath(key.path) }
}
