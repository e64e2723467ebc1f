import { describe, expect, it } from 'vitest'

import { formatJson, jsonEqual, parseJsonObject } from '@/lib/json'

describe('parseJsonObject', () => {
  it('accepts an object, nested values included', () => {
    expect(parseJsonObject('{"model": "sonnet", "limits": {"turns": 3}, "tags": ["a"]}')).toEqual({
      ok: true,
      value: { model: 'sonnet', limits: { turns: 3 }, tags: ['a'] },
    })
  })

  it('treats empty text as an empty object', () => {
    expect(parseJsonObject('  \n')).toEqual({ ok: true, value: {} })
  })

  it.each([
    ['[1, 2]', 'not an array'],
    ['null', 'not null'],
    ['"text"', 'not a string'],
    ['42', 'not a number'],
    ['true', 'not a boolean'],
  ])('rejects %s, which is valid JSON but not an object', (text, why) => {
    const result = parseJsonObject(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toBe(`Must be a JSON object ({ ... }), ${why}.`)
  })

  it('rejects broken JSON with the parser’s reason', () => {
    const result = parseJsonObject('{"model": }')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(/^Not valid JSON: /)
  })
})

describe('formatJson', () => {
  it('pretty-prints with two spaces', () => {
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}')
    expect(formatJson(undefined)).toBe('{}')
  })
})

describe('jsonEqual', () => {
  it('compares structure, not key order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(jsonEqual([1, 2], [2, 1])).toBe(false)
    expect(jsonEqual({ a: [] }, { a: {} })).toBe(false)
    expect(jsonEqual(null, {})).toBe(false)
  })
})
