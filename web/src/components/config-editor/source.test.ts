import { describe, expect, it } from 'vitest'

import { parseSource } from './source'

describe('parseSource', () => {
  it('reads blank text and comment-only YAML as an empty object', () => {
    expect(parseSource('', 'json')).toMatchObject({ ok: true, value: {} })
    expect(parseSource('# nothing yet\n', 'yaml')).toMatchObject({ ok: true, value: {} })
  })

  it('reports YAML syntax errors with their position', () => {
    const text = 'a: 1\na: 2\n'
    const parsed = parseSource(text, 'yaml')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.errors[0]!.message).toBe('Map keys must be unique')
      expect(text.slice(parsed.errors[0]!.span.from, parsed.errors[0]!.span.to)).toBe('a')
      expect(parsed.errors[0]!.span.from).toBe(5)
    }
  })

  it('rejects several YAML documents, since a configuration is one', () => {
    expect(parseSource('a: 1\n---\nb: 2\n', 'yaml').ok).toBe(false)
  })

  it('rejects YAML values that JSON cannot hold', () => {
    const parsed = parseSource('limit: .inf\n', 'yaml')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.errors[0]!.message).toBe('.inf cannot be represented in JSON')
    expect(parseSource('? [a, b]\n: c\n', 'yaml').ok).toBe(false)
  })

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level < 12; level++) lines.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(', ')}]`)
    expect(parseSource(lines.join('\n'), 'yaml').ok).toBe(false)
  })

  it('keeps unknown YAML tags as warnings, not errors', () => {
    const parsed = parseSource('a: !custom x\n', 'yaml')
    expect(parsed.ok && parsed.warnings[0]?.message).toMatch(/Unresolved tag/)
  })

  it('is strict about JSON in JSON mode even though YAML would accept it', () => {
    expect(parseSource('{"a": 1,}', 'json').ok).toBe(false)
    expect(parseSource('{"a": 1,}', 'yaml').ok).toBe(true)
  })
})
