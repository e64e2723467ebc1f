import { jsonEqual } from '@/lib/json'

import { createLocator, type Location, type Locator } from './locate'
import { formatPath, parsePath, valueAt } from './path'
import { isRecord } from './schema'
import { parseSource, type ConfigFormat, type SourceNode } from './source'
import { validate } from './validate'

export type Problem = {
  id: string
  /** `check`: a problem the page found itself (e.g. a plan's dependency cycle), passed as `extraProblems`. */
  source: 'syntax' | 'schema' | 'server' | 'check'
  severity: 'error' | 'warning'
  /** `timeout_s`, `command[0]`, `env.FOO`; null for the document as a whole. */
  path: string | null
  message: string
  /** Null when it cannot be placed, e.g. a server error while the text does not parse. */
  location: Location | null
}

export type Analysis = {
  text: string
  format: ConfigFormat
  /** The parsed value; undefined when the text does not parse. */
  value: unknown
  parsed: boolean
  problems: Problem[]
  /** Syntax, schema and the page's own errors, which must be fixed before saving. Server errors are not counted: the server re-checks. */
  blocking: number
}

export type AnalysisInput = {
  text: string
  format: ConfigFormat
  schema: Record<string, unknown> | null
  /** Errors the page passed in; shown as long as the page passes them. */
  serverErrors?: Record<string, string>
  /** Errors from a save the server refused; each is shown until the value at its path changes. */
  rejected?: { value: unknown; fields: Record<string, string> } | null
  /** Problems the page found in the value (path like server errors), shown at their line. */
  extraProblems?: readonly ExtraProblem[]
}

/** A problem the page found itself: `tasks[2].agent`, "unknown agent"; null path for the whole document. */
export type ExtraProblem = { path: string | null; message: string; severity?: 'error' | 'warning' }

/** Parses, validates and places every problem on its line. Pure, so the editor can run it on every change. */
export function analyzeConfig({ text, format, schema, serverErrors = {}, rejected = null, extraProblems = [] }: AnalysisInput): Analysis {
  const parsed = parseSource(text, format)
  const tree = parsed.ok ? parsed.tree : null
  const locator = createLocator(text, tree)
  const problems: Omit<Problem, 'id'>[] = []

  if (!parsed.ok) {
    for (const error of parsed.errors) {
      problems.push({ source: 'syntax', severity: error.severity, path: null, message: error.message, location: locator.span(error.span) })
    }
  } else {
    for (const warning of parsed.warnings) {
      problems.push({ source: 'syntax', severity: 'warning', path: null, message: warning.message, location: locator.span(warning.span) })
    }
    problems.push(...schemaProblems(parsed.value, schema, locator, tree))
  }

  const value = parsed.ok ? parsed.value : undefined
  const serverFields = Object.entries(serverErrors)
  for (const [path, message] of Object.entries(rejected?.fields ?? {})) {
    const stillThere = !parsed.ok || jsonEqual(valueAt(value, parsePath(path)), valueAt(rejected?.value, parsePath(path)))
    if (stillThere) serverFields.push([path, message])
  }
  for (const [path, message] of serverFields) {
    const segments = parsePath(path)
    problems.push({ source: 'server', severity: 'error', path: displayPath(segments), message, location: locator.path(segments, 'value') })
  }

  for (const extra of extraProblems) {
    const segments = extra.path === null ? [] : parsePath(extra.path)
    const location = segments.length === 0 ? (tree ? locator.span({ from: tree.span.from, to: tree.span.from }) : null) : locator.path(segments, 'value')
    problems.push({ source: 'check', severity: extra.severity ?? 'error', path: displayPath(segments), message: extra.message, location })
  }

  const sorted = problems
    .sort((a, b) => (a.location?.from ?? Infinity) - (b.location?.from ?? Infinity) || severityRank(a) - severityRank(b))
    .map((problem, index) => ({ ...problem, id: `${index}:${problem.source}:${problem.path ?? ''}:${problem.message}` }))
  const blocking = sorted.filter((problem) => problem.severity === 'error' && problem.source !== 'server').length
  return { text, format, value, parsed: parsed.ok, problems: sorted, blocking }
}

function schemaProblems(value: unknown, schema: Record<string, unknown> | null, locator: Locator, tree: SourceNode | null) {
  const whole = locator.span(tree?.span ?? { from: 0, to: 0 })
  if (!isRecord(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`
    const message = `The configuration must be an object (keys and values), not ${kind}`
    return [{ source: 'schema' as const, severity: 'error' as const, path: null, message, location: whole }]
  }
  if (schema === null) return []
  return validate(value, schema).map((issue) => {
    const path = displayPath(issue.path)
    const message = path === null ? capitalize(issue.message) : issue.message
    return { source: 'schema' as const, severity: 'error' as const, path, message, location: locator.path(issue.path, issue.target) }
  })
}

function displayPath(segments: readonly (string | number)[]): string | null {
  return segments.length === 0 ? null : formatPath(segments)
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function severityRank(problem: Pick<Problem, 'severity'>): number {
  return problem.severity === 'error' ? 0 : 1
}

/** "timeout_s: must be ≥ 1 (line 4)"; syntax errors give the column too. */
export function describeProblem(problem: Problem): string {
  const where = problem.location ? ` (${lineLabel(problem)})` : ''
  return `${problem.path !== null ? `${problem.path}: ` : ''}${problem.message}${where}`
}

export function lineLabel(problem: Problem): string {
  if (!problem.location) return ''
  const { line, column } = problem.location
  return problem.source === 'syntax' ? `line ${line}, column ${column}` : `line ${line}`
}
