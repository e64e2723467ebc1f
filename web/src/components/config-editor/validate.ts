import { jsonEqual } from '@/lib/json'

import type { Target } from './locate'
import type { PathSegment } from './path'
import { asSchema, branches, deref, isRecord, safeRegExp, schemaTypes, type Schema } from './schema'
import { closestMatch } from './suggest'

/** One way the value breaks the schema. `path` is where; `target` says whether to point at the key or the value. */
export type SchemaIssue = { path: PathSegment[]; message: string; target: Target }

type Context = { root: Schema; depth: number }

/** Recursive schemas are fine; a `$ref` cycle that never moves into the value must still end. */
const MAX_DEPTH = 512

/**
 * Checks a value against the JSON Schema subset Baton's configuration schemas use: type, enum,
 * const, numeric and length bounds, pattern, properties, required, additionalProperties,
 * patternProperties, items/prefixItems, allOf/anyOf/oneOf and local `$ref`s. Unknown keywords are
 * ignored, so a richer schema degrades to fewer checks, never to false errors.
 */
export function validate(value: unknown, schema: Schema): SchemaIssue[] {
  const issues = check(value, schema, [], { root: schema, depth: 0 })
  const seen = new Set<string>()
  return issues.filter((issue) => {
    const id = JSON.stringify([issue.path, issue.message])
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

function check(value: unknown, schema: Schema, path: PathSegment[], context: Context): SchemaIssue[] {
  if (context.depth > MAX_DEPTH || schema === true) return []
  if (schema === false) return [{ path, message: 'is not allowed here', target: 'key' }]
  const inner = { root: context.root, depth: context.depth + 1 }
  const issues: SchemaIssue[] = []
  if (typeof schema.$ref === 'string') {
    const target = deref(context.root, schema)
    if (target !== schema) issues.push(...check(value, target, path, inner))
  }
  const types = schemaTypes(schema)
  if (types.length > 0 && !types.some((type) => matchesType(value, type))) {
    return [...issues, { path, message: typeMessage(types, value), target: 'value' }]
  }
  issues.push(...checkValue(value, schema, path))
  for (const branch of branches(schema, 'allOf')) issues.push(...check(value, branch, path, inner))
  issues.push(...checkAlternatives(value, schema, path, inner))
  if (Array.isArray(value)) issues.push(...checkArray(value, schema, path, inner))
  else if (isRecord(value)) issues.push(...checkObject(value, schema, path, inner))
  return issues
}

function checkValue(value: unknown, schema: Record<string, unknown>, path: PathSegment[]): SchemaIssue[] {
  const fail = (message: string): SchemaIssue[] => [{ path, message, target: 'value' }]
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => jsonEqual(allowed, value))) {
    return fail(enumMessage(schema.enum, value))
  }
  if (schema.const !== undefined && !jsonEqual(schema.const, value)) return fail(`must be ${JSON.stringify(schema.const)}`)
  if (typeof value === 'number') {
    const { minimum, exclusiveMinimum, maximum, exclusiveMaximum, multipleOf } = schema
    if (typeof minimum === 'number' && value < minimum) return fail(`must be ≥ ${minimum}`)
    if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) return fail(`must be > ${exclusiveMinimum}`)
    if (typeof maximum === 'number' && value > maximum) return fail(`must be ≤ ${maximum}`)
    if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) return fail(`must be < ${exclusiveMaximum}`)
    if (typeof multipleOf === 'number' && multipleOf > 0 && !Number.isInteger(value / multipleOf)) return fail(`must be a multiple of ${multipleOf}`)
  }
  if (typeof value === 'string') {
    const length = [...value].length
    const { minLength, maxLength, pattern } = schema
    if (typeof minLength === 'number' && length < minLength) {
      return fail(minLength === 1 ? 'must not be empty' : `must be at least ${minLength} characters`)
    }
    if (typeof maxLength === 'number' && length > maxLength) return fail(`must be at most ${maxLength} characters`)
    if (typeof pattern === 'string' && safeRegExp(pattern)?.test(value) === false) return fail(`must match the pattern ${pattern}`)
  }
  return []
}

function checkAlternatives(value: unknown, schema: Record<string, unknown>, path: PathSegment[], context: Context): SchemaIssue[] {
  const issues: SchemaIssue[] = []
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const options = branches(schema, keyword)
    if (options.length === 0) continue
    const results = options.map((option) => check(value, option, path, context))
    const passing = results.filter((result) => result.length === 0).length
    if (keyword === 'anyOf' ? passing > 0 : passing === 1) continue
    if (passing > 1) issues.push({ path, message: 'matches more than one of the allowed forms', target: 'value' })
    else issues.push(...closestFailure(value, options, results, path, context))
  }
  return issues
}

/** When no alternative fits, the errors of the one whose type fits best; else a "must be X or Y". */
function closestFailure(value: unknown, options: Schema[], results: SchemaIssue[][], path: PathSegment[], context: Context): SchemaIssue[] {
  const resolved = options.map((option) => deref(context.root, option))
  const fitting = results.filter((_, index) => {
    const types = schemaTypes(resolved[index]!)
    return types.length === 0 || types.some((type) => matchesType(value, type))
  })
  if (fitting.length > 0) return fitting.reduce((best, result) => (result.length < best.length ? result : best))
  const types = [...new Set(resolved.flatMap(schemaTypes))]
  const message = types.length > 0 ? typeMessage(types, value) : 'does not match any of the allowed forms'
  return [{ path, message, target: 'value' }]
}

function checkArray(value: unknown[], schema: Record<string, unknown>, path: PathSegment[], context: Context): SchemaIssue[] {
  const issues: SchemaIssue[] = []
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : []
  const rest = asSchema(schema.items)
  value.forEach((item, index) => {
    const itemSchema = index < prefix.length ? asSchema(prefix[index]) : rest
    if (itemSchema !== undefined) issues.push(...check(item, itemSchema, [...path, index], context))
  })
  const { minItems, maxItems } = schema
  if (typeof minItems === 'number' && value.length < minItems) {
    issues.push({ path, message: `must have at least ${minItems} ${minItems === 1 ? 'item' : 'items'}`, target: 'value' })
  }
  if (typeof maxItems === 'number' && value.length > maxItems) {
    issues.push({ path, message: `must have at most ${maxItems} ${maxItems === 1 ? 'item' : 'items'}`, target: 'value' })
  }
  if (schema.uniqueItems === true) {
    value.forEach((item, index) => {
      const first = value.findIndex((other) => jsonEqual(other, item))
      if (first < index) issues.push({ path: [...path, index], message: `repeats item ${first}; items must be unique`, target: 'value' })
    })
  }
  return issues
}

function checkObject(value: Record<string, unknown>, schema: Record<string, unknown>, path: PathSegment[], context: Context): SchemaIssue[] {
  const issues: SchemaIssue[] = []
  const properties = isRecord(schema.properties) ? schema.properties : {}
  const patterns = isRecord(schema.patternProperties)
    ? Object.entries(schema.patternProperties).flatMap(([pattern, sub]) => {
        const regExp = safeRegExp(pattern)
        const subSchema = asSchema(sub)
        return regExp && subSchema !== undefined ? [{ regExp, schema: subSchema }] : []
      })
    : []
  if (Array.isArray(schema.required)) {
    for (const key of schema.required) {
      if (typeof key === 'string' && !Object.hasOwn(value, key)) issues.push({ path: [...path, key], message: 'is required', target: 'key' })
    }
  }
  const known = Object.keys(properties)
  for (const [key, item] of Object.entries(value)) {
    const propertySchema = Object.hasOwn(properties, key) ? asSchema(properties[key]) : undefined
    if (propertySchema !== undefined) issues.push(...check(item, propertySchema, [...path, key], context))
    const matching = patterns.filter((pattern) => pattern.regExp.test(key))
    for (const pattern of matching) issues.push(...check(item, pattern.schema, [...path, key], context))
    if (Object.hasOwn(properties, key) || matching.length > 0) continue
    if (schema.additionalProperties === false) issues.push({ path: [...path, key], message: unknownKeyMessage(key, known), target: 'key' })
    else if (isRecord(schema.additionalProperties)) issues.push(...check(item, schema.additionalProperties, [...path, key], context))
  }
  return issues
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null
    case 'boolean':
      return typeof value === 'boolean'
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return Number.isInteger(value)
    case 'object':
      return isRecord(value)
    case 'array':
      return Array.isArray(value)
    default:
      return true
  }
}

function typeMessage(types: string[], value: unknown): string {
  if (types.length === 1 && types[0] === 'boolean') return `must be true or false, not ${describeValue(value)}`
  const names = types.map((type) => TYPE_NAMES[type] ?? type)
  const expected = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
  return `must be ${expected}, not ${describeValue(value)}`
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'a number' : String(value)
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return 'a string'
  return 'an object'
}

const MAX_LISTED = 8

function enumMessage(allowed: unknown[], value: unknown): string {
  const listed = allowed.slice(0, MAX_LISTED).map((option) => JSON.stringify(option))
  const list = allowed.length > MAX_LISTED ? `${listed.join(', ')}, …` : listed.join(', ')
  const strings = allowed.filter((option): option is string => typeof option === 'string')
  const guess = typeof value === 'string' ? closestMatch(value, strings) : null
  return `must be one of ${list}${guess !== null ? ` (did you mean "${guess}"?)` : ''}`
}

function unknownKeyMessage(key: string, known: string[]): string {
  const guess = closestMatch(key, known)
  if (guess !== null) return `unknown key (did you mean “${guess}”?)`
  if (known.length === 0) return 'unknown key (no keys are allowed here)'
  if (known.length <= MAX_LISTED) return `unknown key (allowed: ${known.join(', ')})`
  return 'unknown key'
}
