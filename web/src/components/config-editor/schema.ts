import { walkPath, type Path } from './path'

/** A JSON Schema as the server sends it: an object, or `true`/`false` for "anything"/"nothing". */
export type Schema = Record<string, unknown> | boolean

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function asSchema(value: unknown): Schema | undefined {
  return typeof value === 'boolean' || isRecord(value) ? value : undefined
}

/** Resolves a local `$ref` (`#/$defs/agent`, `#/definitions/agent`, any `#/…` pointer); undefined when it leads nowhere. */
export function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (ref === '#') return root
  if (!ref.startsWith('#/')) return undefined
  const parts = ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
  let node: unknown = root
  for (const part of parts) {
    if (!isRecord(node) || !Object.hasOwn(node, part)) return undefined
    node = node[part]
  }
  return asSchema(node)
}

/** Follows `$ref` chains (at most a few hops, so a cycle cannot hang the page). */
export function deref(root: Schema, schema: Schema): Schema {
  let current = schema
  for (let hops = 0; hops < 16 && isRecord(current) && typeof current.$ref === 'string'; hops++) {
    const target = resolveRef(root, current.$ref)
    if (target === undefined) return current
    current = target
  }
  return current
}

export function schemaTypes(schema: Schema): string[] {
  if (!isRecord(schema)) return []
  if (typeof schema.type === 'string') return [schema.type]
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === 'string')
  return []
}

export function branches(schema: Record<string, unknown>, keyword: 'anyOf' | 'oneOf' | 'allOf'): Schema[] {
  const list = schema[keyword]
  return Array.isArray(list) ? list.map(asSchema).filter((branch) => branch !== undefined) : []
}

/** The subschema that describes the value at a path: through properties, items and the first fitting anyOf/oneOf branch. */
export function schemaAt(root: Schema, path: Path): Schema | undefined {
  const walk = walkPath<Schema>(deref(root, root), path, (schema, key) => childSchema(root, schema, key))
  return walk.exact ? walk.trail.at(-1)!.node : undefined
}

function childSchema(root: Schema, schema: Schema, key: string | number): Schema | undefined {
  if (!isRecord(schema)) return undefined
  const direct = directChild(schema, key)
  if (direct !== undefined) return deref(root, direct)
  for (const branch of [...branches(schema, 'allOf'), ...branches(schema, 'anyOf'), ...branches(schema, 'oneOf')]) {
    const found = childSchema(root, deref(root, branch), key)
    if (found !== undefined) return found
  }
  return undefined
}

function directChild(schema: Record<string, unknown>, key: string | number): Schema | undefined {
  if (typeof key === 'number' || /^\d+$/.test(key)) {
    const items = asSchema(schema.items)
    if (items !== undefined) return items
  }
  const properties = isRecord(schema.properties) ? schema.properties : {}
  if (Object.hasOwn(properties, String(key))) return asSchema(properties[String(key)])
  if (isRecord(schema.patternProperties)) {
    for (const [pattern, sub] of Object.entries(schema.patternProperties)) {
      if (safeRegExp(pattern)?.test(String(key))) return asSchema(sub)
    }
  }
  return isRecord(schema.additionalProperties) ? schema.additionalProperties : undefined
}

export function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u')
  } catch {
    return undefined
  }
}

export type SchemaHelp = { type: string | null; description: string | null; details: string[] }

/** What the hover help shows for a key: its type, its description, default, allowed values and bounds. */
export function describeSchema(root: Schema, schema: Schema): SchemaHelp | null {
  const resolved = deref(root, schema)
  if (!isRecord(resolved)) return null
  const types = schemaTypes(resolved)
  const alternatives = [...branches(resolved, 'anyOf'), ...branches(resolved, 'oneOf')].flatMap((branch) => schemaTypes(deref(root, branch)))
  const allTypes = [...new Set([...types, ...alternatives])]
  const details: string[] = []
  if (Array.isArray(resolved.enum)) details.push(`One of: ${resolved.enum.map((value) => JSON.stringify(value)).join(', ')}`)
  if (typeof resolved.minimum === 'number') details.push(`Minimum: ${resolved.minimum}`)
  if (typeof resolved.exclusiveMinimum === 'number') details.push(`Greater than ${resolved.exclusiveMinimum}`)
  if (typeof resolved.maximum === 'number') details.push(`Maximum: ${resolved.maximum}`)
  if (typeof resolved.exclusiveMaximum === 'number') details.push(`Less than ${resolved.exclusiveMaximum}`)
  if (resolved.default !== undefined) details.push(`Default: ${JSON.stringify(resolved.default)}`)
  const description = typeof resolved.description === 'string' ? resolved.description : typeof resolved.title === 'string' ? resolved.title : null
  if (allTypes.length === 0 && description === null && details.length === 0) return null
  return { type: allTypes.length > 0 ? allTypes.join(' | ') : null, description, details }
}
