import { describe, expect, it } from 'vitest'

import { descriptionExcerpt, normalizeNewlines, parseExample, splitDescription, unquote } from './description'

// As Claude Code agent files write them: one YAML line with `\n` escapes.
const CLAUDE_STYLE =
  'Use this agent when you need a REST API designed or reviewed.\\n\\nExamples:\\n' +
  '<example>\\nContext: The user is starting a shop backend.\\nuser: "Design the orders API"\\n' +
  'assistant: "I\'ll use the backend-expert agent to design it."\\n' +
  '<commentary>\\nAPI design is this agent\'s job.\\n</commentary>\\n</example>\\n' +
  '<example>\\nuser: "Why is /orders slow?"\\nassistant: "Let me ask backend-expert."\\n</example>'

describe('normalizeNewlines', () => {
  it('turns `\\n` escapes and CRLF into newlines', () => {
    expect(normalizeNewlines('a\\nb\r\nc\rd')).toBe('a\nb\nc\nd')
    expect(normalizeNewlines('already\nfine')).toBe('already\nfine')
  })
})

describe('splitDescription', () => {
  it('separates the Markdown from the examples, in order', () => {
    const parts = splitDescription(CLAUDE_STYLE)
    expect(parts.map((p) => p.kind)).toEqual(['markdown', 'example', 'example'])
    expect(parts[0]).toEqual({ kind: 'markdown', text: 'Use this agent when you need a REST API designed or reviewed.\n\nExamples:' })
  })

  it('reads an example as a dialogue with its commentary and a summary', () => {
    const [, first, second] = splitDescription(CLAUDE_STYLE)
    expect(first).toEqual({
      kind: 'example',
      number: 1,
      summary: 'The user is starting a shop backend.',
      turns: [
        { speaker: 'context', text: 'The user is starting a shop backend.' },
        { speaker: 'user', text: 'Design the orders API' },
        { speaker: 'assistant', text: "I'll use the backend-expert agent to design it." },
      ],
      commentary: ["API design is this agent's job."],
    })
    // Without a context, what the user asks says what it is about.
    expect(second).toMatchObject({ number: 2, summary: 'Why is /orders slow?' })
  })

  it('keeps text after the last example and leaves no tags behind', () => {
    const parts = splitDescription('Intro\n<example>user: hi</example>\nOutro with <b>html</b>')
    expect(parts.at(-1)).toEqual({ kind: 'markdown', text: 'Outro with <b>html</b>' })
    expect(JSON.stringify(parts)).not.toContain('<example>')
  })

  it('copes with an unclosed example, mixed case tags and empty examples', () => {
    expect(splitDescription('A <Example>user: "x"')).toEqual([
      { kind: 'markdown', text: 'A' },
      { kind: 'example', number: 1, summary: 'x', turns: [{ speaker: 'user', text: 'x' }], commentary: [] },
    ])
    expect(splitDescription('A <example>  </example> B').map((p) => p.kind)).toEqual(['markdown', 'markdown'])
  })

  it('has nothing to show for an empty description', () => {
    expect(splitDescription(null)).toEqual([])
    expect(splitDescription('   ')).toEqual([])
  })
})

describe('parseExample', () => {
  it('continues a turn over following lines and keeps free text', () => {
    expect(parseExample('Some setup.\nuser: first line\nsecond line\n\nassistant: ok').turns).toEqual([
      { speaker: null, text: 'Some setup.' },
      { speaker: 'user', text: 'first line\nsecond line' },
      { speaker: 'assistant', text: 'ok' },
    ])
  })
})

describe('unquote', () => {
  it('drops the quotes around a whole line only', () => {
    expect(unquote(' "Design it" ')).toBe('Design it')
    expect(unquote('“Design it”')).toBe('Design it')
    expect(unquote('"a" and "b"')).toBe('"a" and "b"')
    expect(unquote('no quotes')).toBe('no quotes')
  })
})

describe('descriptionExcerpt', () => {
  it('is the first paragraph in plain text, without examples', () => {
    expect(descriptionExcerpt(CLAUDE_STYLE)).toBe('Use this agent when you need a REST API designed or reviewed.')
    expect(descriptionExcerpt('**Bold** [link](https://x) and `code`')).toBe('Bold link and code')
    expect(descriptionExcerpt('<example>user: hi</example>')).toBeNull()
    expect(descriptionExcerpt('x'.repeat(300), 50)).toHaveLength(50)
  })
})
