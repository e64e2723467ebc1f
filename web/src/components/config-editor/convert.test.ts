import { describe, expect, it } from 'vitest'

import { convertText, hasYamlComments, serialize } from './convert'
import { parseSource } from './source'

const value = { model: 'opus', command: ['claude', '-p'], env: { FOO: 'bar' }, note: 'two\nlines', port: '8080', empty: {}, none: null }

describe('serialize', () => {
  it('writes two-space JSON and block YAML', () => {
    expect(serialize({ a: [1] }, 'json')).toBe('{\n  "a": [\n    1\n  ]\n}\n')
    expect(serialize({ a: [1], b: { c: true } }, 'yaml')).toBe('a:\n  - 1\nb:\n  c: true\n')
  })

  it('quotes YAML strings that would otherwise read as another type', () => {
    expect(serialize({ port: '8080', flag: 'true' }, 'yaml')).toBe('port: "8080"\nflag: "true"\n')
  })

  it('never folds long YAML lines', () => {
    expect(serialize({ prompt: 'word '.repeat(40).trim() }, 'yaml').split('\n')).toHaveLength(2)
  })

  it('writes an empty object for a missing value', () => {
    expect(serialize(undefined, 'json')).toBe('{}\n')
    expect(serialize(null, 'yaml')).toBe('{}\n')
  })
})

describe('convertText', () => {
  it.each([
    ['yaml', 'json'],
    ['json', 'yaml'],
  ] as const)('keeps the value from %s to %s and back', (from, to) => {
    const converted = convertText(serialize(value, from), from, to)
    if (!converted.ok) throw new Error(converted.message)
    const parsed = parseSource(converted.text, to)
    expect(parsed.ok && parsed.value).toEqual(value)
    const back = convertText(converted.text, to, from)
    expect(back.ok && back.text).toBe(serialize(value, from))
  })

  it('resolves YAML anchors and merge keys into plain JSON', () => {
    const yaml = 'base: &base {model: opus}\nagent:\n  <<: *base\n  turns: 2\n'
    const converted = convertText(yaml, 'yaml', 'json')
    expect(converted.ok && JSON.parse(converted.text)).toEqual({ base: { model: 'opus' }, agent: { model: 'opus', turns: 2 } })
  })

  it('says when YAML comments are dropped', () => {
    expect(convertText('# which model\nmodel: opus\n', 'yaml', 'json')).toMatchObject({ ok: true, droppedComments: true })
    expect(convertText('model: "opus # not a comment"\n', 'yaml', 'json')).toMatchObject({ ok: true, droppedComments: false })
  })

  it('refuses to convert text that does not parse, naming the line', () => {
    expect(convertText('{\n  "a": 1,\n}', 'json', 'yaml')).toEqual({ ok: false, message: 'Fix the syntax error on line 2 first.' })
    expect(convertText('a: 1\n  b: [', 'yaml', 'json').ok).toBe(false)
  })

  it('is a no-op for the same format', () => {
    expect(convertText('a: 1 # keep\n', 'yaml', 'yaml')).toEqual({ ok: true, text: 'a: 1 # keep\n', droppedComments: false })
  })
})

describe('hasYamlComments', () => {
  it('tells comments from # inside values', () => {
    expect(hasYamlComments('a: 1 # trailing')).toBe(true)
    expect(hasYamlComments('a: b#c\nd: "#e"')).toBe(false)
    expect(hasYamlComments('script: |\n  # a shell comment, part of the value\n  run\n')).toBe(false)
  })
})
