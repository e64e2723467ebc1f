import { Lexer, stringify } from 'yaml'

import { parseSource, type ConfigFormat } from './source'

/** How a value is written in the editor: two-space JSON, or block-style YAML that never folds long lines. */
export function serialize(value: unknown, format: ConfigFormat): string {
  const data = value ?? {}
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`
  return stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })
}

export type Conversion =
  | { ok: true; text: string; droppedComments: boolean }
  | { ok: false; message: string }

/** Rewrites the text in the other format, keeping the value. Text that does not parse stays as it is. */
export function convertText(text: string, from: ConfigFormat, to: ConfigFormat): Conversion {
  if (from === to) return { ok: true, text, droppedComments: false }
  const parsed = parseSource(text, from)
  if (!parsed.ok) {
    const first = parsed.errors[0]
    const line = first ? text.slice(0, first.span.from).split('\n').length : 1
    return { ok: false, message: `Fix the syntax error on line ${line} first.` }
  }
  return { ok: true, text: serialize(parsed.value, to), droppedComments: from === 'yaml' && hasYamlComments(text) }
}

/** Whether YAML text holds a `#` comment (not a `#` inside a value), which JSON cannot keep. */
export function hasYamlComments(text: string): boolean {
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) return true
  }
  return false
}
