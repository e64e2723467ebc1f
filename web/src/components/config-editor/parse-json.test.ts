import { describe, expect, it } from 'vitest'

import { parseJson } from './parse-json'

function errorOf(text: string) {
  const result = parseJson(text)
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to fail`)
  return result.errors[0]!
}

describe('parseJson', () => {
  it('reads the same values as JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "q\\"\\n\\u00e9"}, "d": {}}'
    const result = parseJson(text)
    expect(result.ok && result.value).toEqual(JSON.parse(text))
  })

  it('records where keys and values are', () => {
    const text = '{\n  "model": "opus",\n  "args": [1]\n}'
    const result = parseJson(text)
    if (!result.ok || result.tree?.kind !== 'map') throw new Error('expected a map')
    const [model, args] = result.tree.entries
    expect(text.slice(model!.keySpan.from, model!.keySpan.to)).toBe('"model"')
    expect(text.slice(model!.value.span.from, model!.value.span.to)).toBe('"opus"')
    expect(args!.value.kind === 'seq' && text.slice(args!.value.items[0]!.span.from, args!.value.items[0]!.span.to)).toBe('1')
  })

  it('treats blank text as no document', () => {
    expect(parseJson('  \n')).toEqual({ ok: true, value: undefined, tree: null, warnings: [] })
  })

  it('keeps a "__proto__" key as data, never as the prototype', () => {
    const result = parseJson('{"__proto__": {"polluted": true}}')
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each([
    ['{"a": 1,}', 'Trailing comma is not allowed in JSON', 7],
    ['[1, 2,]', 'Trailing comma is not allowed in JSON', 5],
    ['{"a": 1 // note\n}', 'Comments are not allowed in JSON', 8],
    ["{'a': 1}", 'Keys must use double quotes', 1],
    ['{"a": \'x\'}', 'Strings must use double quotes', 6],
    ['{a: 1}', 'Expected a key in double quotes', 1],
    ['{"a" 1}', 'Expected “:” after the key “a”', 5],
    ['{"a": 1 "b": 2}', 'Expected “,” or “}” after a value', 8],
    ['{"a": 1, "a": 2}', 'Duplicate key “a”', 9],
    ['{"a": 01}', 'Numbers cannot have leading zeros', 6],
    ['{"a": "x\ny"}', 'Unterminated string: line breaks must be written as \\n', 8],
    ['{"a": "x', 'Unterminated string', 6],
    ['{"a": True}', 'Unexpected “True”: strings must be in double quotes (JSON literals are lowercase: true, false, null)', 6],
    ['{"a": 1} x', 'Unexpected content after the end of the JSON value', 9],
    ['{"a": "\\q"}', 'Invalid escape “\\q” in string', 7],
  ])('rejects %j: %s', (text, message, from) => {
    const error = errorOf(text)
    expect(error.message).toBe(message)
    expect(error.span.from).toBe(from)
  })

  it('names the line of a bracket that is never closed', () => {
    expect(errorOf('{\n  "a": {\n    "b": 1\n').message).toBe('Unexpected end of input: “{” on line 2 is never closed')
  })

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(errorOf('['.repeat(10_000)).message).toBe('Nested too deeply')
  })
})
