import { describe, expect, it } from 'vitest'

import { createLocator, keyAt } from './locate'
import { parseSource, type ConfigFormat } from './source'

function locator(text: string, format: ConfigFormat) {
  const parsed = parseSource(text, format)
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message)
  return { locate: createLocator(text, parsed.tree), tree: parsed.tree }
}

const YAML = `# agent
model: opus
timeout_s: 0
command:
  - claude
  - --verbose
env:
  FOO: bar
  A.B: dotted
limits:
  turns: 3
empty:
`

const JSON_TEXT = `{
  "model": "opus",
  "timeout_s": 0,
  "command": [
    "claude",
    "--verbose"
  ],
  "env": {
    "FOO": "bar",
    "A.B": "dotted"
  },
  "limits": { "turns": 3 }
}
`

function snippet(text: string, location: { from: number; to: number } | null) {
  return location && text.slice(location.from, location.to)
}

describe.each([
  ['yaml', YAML, { model: 2, timeout: 3, command: 4, command1: 6, envFoo: 8, dotted: 9, turns: 11 }],
  ['json', JSON_TEXT, { model: 2, timeout: 3, command: 4, command1: 6, envFoo: 9, dotted: 10, turns: 12 }],
] as const)('locate in %s', (format, text, lines) => {
  const { locate } = locator(text, format)

  it('puts a top-level key on its line', () => {
    expect(locate.path('timeout_s')).toMatchObject({ line: lines.timeout, exact: true })
    expect(snippet(text, locate.path('timeout_s'))).toBe('0')
    expect(locate.path('model')?.line).toBe(lines.model)
  })

  it('follows array indices', () => {
    expect(locate.path('command[1]')).toMatchObject({ line: lines.command1, exact: true })
    expect(snippet(text, locate.path('command[1]'))).toContain('--verbose')
  })

  it('follows env.FOO-style paths into nested maps', () => {
    expect(locate.path('env.FOO')).toMatchObject({ line: lines.envFoo, exact: true })
    expect(locate.path('limits.turns')?.line).toBe(lines.turns)
  })

  it('finds a key that itself contains a dot', () => {
    expect(locate.path('env.A.B')).toMatchObject({ line: lines.dotted, exact: true })
    expect(locate.path(['env', 'A.B'])?.line).toBe(lines.dotted)
  })

  it('points at the key when asked to (unknown keys)', () => {
    expect(snippet(text, locate.path('env.FOO', 'key'))).toMatch(/^"?FOO"?$/)
  })

  it('falls back to the closest parent for a path that is not written', () => {
    expect(locate.path('env.MISSING')).toMatchObject({ line: format === 'yaml' ? 7 : 8, exact: false })
    expect(snippet(text, locate.path('env.MISSING'))).toMatch(/^"?env"?$/)
    expect(locate.path('command[9]')).toMatchObject({ line: lines.command, exact: false })
    expect(locate.path('nothing.here')?.exact).toBe(false)
  })

  it('never underlines past the end of the first line', () => {
    const location = locate.path('command')!
    expect(text.slice(location.from, location.to)).not.toContain('\n')
  })
})

describe('locate details', () => {
  it('points at the key when a YAML value is empty', () => {
    const { locate } = locator(YAML, 'yaml')
    expect(locate.path('empty')).toMatchObject({ line: 12 })
    expect(snippet(YAML, locate.path('empty'))).toBe('empty')
  })

  it('gives the line and column of a span', () => {
    const { locate } = locator('a: 1\nbb: 2\n', 'yaml')
    expect(locate.span({ from: 6, to: 8 })).toEqual({ from: 6, to: 8, line: 2, column: 2, exact: true })
  })

  it('cannot place anything when the text did not parse', () => {
    expect(createLocator('a: [', null).path('a')).toBeNull()
  })

  it('finds the key under the cursor with its path', () => {
    const { tree } = locator(YAML, 'yaml')
    const offset = YAML.indexOf('FOO') + 1
    expect(keyAt(tree, offset)).toEqual({ path: ['env', 'FOO'], span: { from: offset - 1, to: offset + 2 } })
    expect(keyAt(tree, YAML.indexOf('claude'))).toBeNull()
  })
})
