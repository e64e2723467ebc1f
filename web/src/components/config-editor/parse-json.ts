import type { ParsedSource, SourceEntry, SourceNode, Span } from './source'

/** Deeper than any real configuration; keeps hostile input from exhausting the stack. */
const MAX_DEPTH = 256

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const WORD = /[A-Za-z_$][\w$]*/y
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message)
  }
}

type Parsed = { value: unknown; node: SourceNode }

/**
 * A strict JSON parser (RFC 8259) that also records where every key and value sits. `JSON.parse`
 * cannot say where a value is, and its error positions differ between browsers; YAML accepts
 * trailing commas and comments that JSON does not.
 */
export function parseJson(text: string): ParsedSource {
  let pos = 0

  const fail = (message: string, from = pos, to = Math.min(from + 1, text.length)): never => {
    throw new JsonSyntaxError(message, { from, to: Math.max(to, from) })
  }

  const skipSpace = () => {
    while (pos < text.length) {
      const char = text[pos]
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') pos++
      else if (char === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) {
        const end = text[pos + 1] === '/' ? text.indexOf('\n', pos) : text.indexOf('*/', pos + 2) + 2
        fail('Comments are not allowed in JSON', pos, end <= pos ? text.length : end)
      } else return
    }
  }

  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length

  const parseString = (): { value: string; span: Span } => {
    const from = pos
    pos++
    let value = ''
    while (pos < text.length) {
      const char = text[pos]!
      if (char === '"') {
        pos++
        return { value, span: { from, to: pos } }
      }
      if (char === '\\') {
        const escape = text[pos + 1] ?? ''
        if (escape === 'u') {
          const hex = text.slice(pos + 2, pos + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\u escape: expected four hex digits', pos, pos + 6)
          value += String.fromCharCode(parseInt(hex, 16))
          pos += 6
        } else if (escape in ESCAPES) {
          value += ESCAPES[escape]
          pos += 2
        } else {
          fail(`Invalid escape “\\${escape}” in string`, pos, pos + 2)
        }
      } else if (char < ' ') {
        fail(char === '\n' ? 'Unterminated string: line breaks must be written as \\n' : 'Control characters must be escaped in strings')
      } else {
        value += char
        pos++
      }
    }
    return fail('Unterminated string', from, text.length)
  }

  const parseWord = (): Parsed => {
    const from = pos
    WORD.lastIndex = pos
    const word = WORD.exec(text)?.[0] ?? ''
    pos += word.length
    const span = { from, to: pos }
    if (word === 'true' || word === 'false' || word === 'null') {
      return { value: word === 'null' ? null : word === 'true', node: { kind: 'scalar', span } }
    }
    if (word === '') fail(`Unexpected “${text[from]}”`)
    const hint = word === 'True' || word === 'False' || word === 'None' ? ' (JSON literals are lowercase: true, false, null)' : ''
    return fail(`Unexpected “${word}”: strings must be in double quotes${hint}`, from, pos)
  }

  const parseNumber = (): Parsed => {
    const from = pos
    NUMBER.lastIndex = pos
    const match = NUMBER.exec(text)?.[0]
    if (!match || match === '-') return fail('Invalid number', from, from + 1)
    pos += match.length
    if (/[\d.eE]/.test(text[pos] ?? '')) fail(match === '0' || match === '-0' ? 'Numbers cannot have leading zeros' : 'Invalid number', from, pos + 1)
    return { value: Number(match), node: { kind: 'scalar', span: { from, to: pos } } }
  }

  const parseObject = (depth: number): Parsed => {
    const from = pos
    pos++
    const value: Record<string, unknown> = {}
    const entries: SourceEntry[] = []
    skipSpace()
    if (text[pos] === '}') {
      pos++
      return { value, node: { kind: 'map', span: { from, to: pos }, entries } }
    }
    for (;;) {
      skipSpace()
      if (pos >= text.length) fail(`Unexpected end of input: “{” on line ${lineOf(from)} is never closed`, from)
      if (text[pos] === '}') fail('Trailing comma is not allowed in JSON', lastComma(text, pos), lastComma(text, pos) + 1)
      if (text[pos] === "'") fail('Keys must use double quotes')
      if (text[pos] !== '"') fail('Expected a key in double quotes')
      const key = parseString()
      if (entries.some((entry) => entry.key === key.value)) fail(`Duplicate key “${key.value}”`, key.span.from, key.span.to)
      skipSpace()
      if (text[pos] !== ':') fail(`Expected “:” after the key “${key.value}”`)
      pos++
      const item = parseValue(depth + 1)
      Object.defineProperty(value, key.value, { value: item.value, enumerable: true, writable: true, configurable: true })
      entries.push({ key: key.value, keySpan: key.span, value: item.node })
      skipSpace()
      if (text[pos] === ',') {
        pos++
        continue
      }
      if (text[pos] === '}') {
        pos++
        return { value, node: { kind: 'map', span: { from, to: pos }, entries } }
      }
      if (pos >= text.length) fail(`Unexpected end of input: “{” on line ${lineOf(from)} is never closed`, from)
      fail('Expected “,” or “}” after a value')
    }
  }

  const parseArray = (depth: number): Parsed => {
    const from = pos
    pos++
    const value: unknown[] = []
    const items: SourceNode[] = []
    skipSpace()
    if (text[pos] === ']') {
      pos++
      return { value, node: { kind: 'seq', span: { from, to: pos }, items } }
    }
    for (;;) {
      skipSpace()
      if (text[pos] === ']') fail('Trailing comma is not allowed in JSON', lastComma(text, pos), lastComma(text, pos) + 1)
      const item = parseValue(depth + 1)
      value.push(item.value)
      items.push(item.node)
      skipSpace()
      if (text[pos] === ',') {
        pos++
        continue
      }
      if (text[pos] === ']') {
        pos++
        return { value, node: { kind: 'seq', span: { from, to: pos }, items } }
      }
      if (pos >= text.length) fail(`Unexpected end of input: “[” on line ${lineOf(from)} is never closed`, from)
      fail('Expected “,” or “]” after a value')
    }
  }

  const parseValue = (depth: number): Parsed => {
    if (depth > MAX_DEPTH) fail('Nested too deeply')
    skipSpace()
    const char = text[pos]
    if (char === undefined) return fail('Unexpected end of input: expected a value', text.length, text.length)
    if (char === '{') return parseObject(depth)
    if (char === '[') return parseArray(depth)
    if (char === '"') {
      const string = parseString()
      return { value: string.value, node: { kind: 'scalar', span: string.span } }
    }
    if (char === '-' || (char >= '0' && char <= '9')) return parseNumber()
    if (char === "'") return fail('Strings must use double quotes')
    return parseWord()
  }

  try {
    skipSpace()
    if (pos >= text.length) return { ok: true, value: undefined, tree: null, warnings: [] }
    const root = parseValue(0)
    skipSpace()
    if (pos < text.length) fail('Unexpected content after the end of the JSON value')
    return { ok: true, value: root.value, tree: root.node, warnings: [] }
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    return { ok: false, errors: [{ message: error.message, span: error.span, severity: 'error' }] }
  }
}

function lastComma(text: string, before: number): number {
  const index = text.lastIndexOf(',', before)
  return index < 0 ? before : index
}
