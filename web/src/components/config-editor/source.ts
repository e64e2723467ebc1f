import { parseJson } from './parse-json'
import { parseYaml } from './parse-yaml'

export type ConfigFormat = 'yaml' | 'json'

/** Character offsets into the text, `to` exclusive. */
export type Span = { from: number; to: number }

/** The shape of the parsed text with where each part sits, so a path can be traced back to a line. */
export type SourceNode =
  | { kind: 'map'; span: Span; entries: SourceEntry[] }
  | { kind: 'seq'; span: Span; items: SourceNode[] }
  | { kind: 'scalar'; span: Span }

export type SourceEntry = { key: string; keySpan: Span; value: SourceNode }

export type SyntaxIssue = { message: string; span: Span; severity: 'error' | 'warning' }

export type ParsedSource =
  | { ok: true; value: unknown; tree: SourceNode | null; warnings: SyntaxIssue[] }
  | { ok: false; errors: SyntaxIssue[] }

/** Parses the editor's text. Text without content (blank, or only YAML comments) is an empty object. */
export function parseSource(text: string, format: ConfigFormat): ParsedSource {
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text)
  if (parsed.ok && parsed.tree === null) return { ...parsed, value: {} }
  return parsed
}
