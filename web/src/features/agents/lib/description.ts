/**
 * Agent descriptions (Claude Code front matter) are Markdown with `<example>` blocks of a made-up
 * dialogue: `Context: …`, `user: "…"`, `assistant: "…"` and `<commentary>…</commentary>`. The page
 * shows those as examples, not as raw tags; everything else stays Markdown (raw HTML is never rendered).
 */

export type ExampleSpeaker = 'context' | 'user' | 'assistant'

/** One line of an example's dialogue; `speaker` null for text outside any of them. */
export type ExampleTurn = { speaker: ExampleSpeaker | null; text: string }

export type DescriptionPart =
  | { kind: 'markdown'; text: string }
  | {
      kind: 'example'
      /** 1-based, in the order they appear. */
      number: number
      /** One line that says what the example is about (its context, else what the user asks), or null. */
      summary: string | null
      turns: ExampleTurn[]
      commentary: string[]
    }

/** Real newlines for the `\n` escapes a one-line YAML string carries, and for CRLF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\\n/g, '\n')
}

const EXAMPLE = /<example>([\s\S]*?)(?:<\/example>|$)/gi
const COMMENTARY = /<commentary>([\s\S]*?)(?:<\/commentary>|$)/gi
const TURN = /^\s*(context|user|assistant)\s*:\s*(.*)$/i
const SUMMARY_MAX = 120

/** `"Create an API"` → `Create an API`: the quotes say "someone said this", which a bubble already shows. */
export function unquote(text: string): string {
  const trimmed = text.trim()
  const match = /^(["“])([\s\S]*)(["”])$/.exec(trimmed)
  if (!match || match[2]!.includes('"')) return trimmed
  return match[2]!.trim()
}

function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}

/** An example's dialogue: each `context:` / `user:` / `assistant:` line starts a turn, other lines continue it. */
export function parseExample(body: string): { turns: ExampleTurn[]; commentary: string[] } {
  const commentary: string[] = []
  const rest = body.replace(COMMENTARY, (_, text: string) => {
    if (text.trim()) commentary.push(text.trim())
    return '\n'
  })
  const turns: ExampleTurn[] = []
  for (const line of rest.split('\n')) {
    const match = TURN.exec(line)
    const last = turns.at(-1)
    if (match) turns.push({ speaker: match[1]!.toLowerCase() as ExampleSpeaker, text: match[2]!.trim() })
    else if (!line.trim()) {
      if (last) last.text += '\n\n'
    } else if (last) last.text += `${last.text.endsWith('\n') || !last.text ? '' : '\n'}${line.trim()}`
    else turns.push({ speaker: null, text: line.trim() })
  }
  return {
    turns: turns
      .map((turn) => ({ ...turn, text: turn.speaker === 'context' || turn.speaker === null ? turn.text.trim() : unquote(turn.text) }))
      .filter((turn) => turn.text),
    commentary,
  }
}

/** The description as Markdown parts and example parts, in order; empty parts are dropped. */
export function splitDescription(description: string | null | undefined): DescriptionPart[] {
  if (!description) return []
  const text = normalizeNewlines(description)
  const parts: DescriptionPart[] = []
  const pushMarkdown = (markdown: string) => {
    if (markdown.trim()) parts.push({ kind: 'markdown', text: markdown.trim() })
  }
  let number = 0
  let last = 0
  for (const match of text.matchAll(EXAMPLE)) {
    pushMarkdown(text.slice(last, match.index))
    last = match.index + match[0].length
    const { turns, commentary } = parseExample(match[1]!)
    if (turns.length === 0 && commentary.length === 0) continue
    number += 1
    const about = turns.find((t) => t.speaker === 'context') ?? turns.find((t) => t.speaker === 'user')
    parts.push({ kind: 'example', number, summary: about ? clip(about.text, SUMMARY_MAX) : null, turns, commentary })
  }
  pushMarkdown(text.slice(last))
  return parts
}

/** The first paragraph as one plain line, for a card: no examples, no Markdown marks. */
export function descriptionExcerpt(description: string | null | undefined, max = 220): string | null {
  const first = splitDescription(description).find((part) => part.kind === 'markdown')
  if (!first || first.kind !== 'markdown') return null
  const paragraph = first.text.split(/\n\s*\n/)[0] ?? ''
  const plain = paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .trim()
  return plain ? clip(plain, max) : null
}
