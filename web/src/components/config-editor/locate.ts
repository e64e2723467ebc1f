import { LineCounter } from 'yaml'

import { parsePath, walkPath, type Path, type PathSegment } from './path'
import type { SourceNode, Span } from './source'

/** Where a problem sits. `to` never runs past the end of the first line, so a list or map is not underlined whole. */
export type Location = { from: number; to: number; line: number; column: number; exact: boolean }

/** Underline the key (`unknown key`) or the value (`must be a number`). */
export type Target = 'key' | 'value'

type Step = { node: SourceNode; keySpan: Span | null }

export type Locator = {
  /** Line and column of a span, e.g. a syntax error's. */
  span: (span: Span) => Location
  /**
   * Where a path like `env.FOO` or `command[0]` is. When the path does not exist (a missing
   * required key, or a server path for something not written), its closest existing parent,
   * with `exact: false`. Null when the text has no tree to search.
   */
  path: (path: Path | string, target?: Target) => Location | null
}

export function createLocator(text: string, tree: SourceNode | null): Locator {
  const lines = new LineCounter()
  lines.addNewLine(0)
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lines.addNewLine(index + 1)

  const at = (span: Span, exact: boolean): Location => {
    const from = Math.max(0, Math.min(span.from, text.length))
    const { line, col } = lines.linePos(from)
    const nextLineStart = lines.lineStarts[line]
    const lineEnd = nextLineStart === undefined ? text.length : nextLineStart - 1
    const to = Math.max(from, Math.min(span.to, lineEnd))
    return { from, to, line, column: col, exact }
  }

  return {
    span: (span) => at(span, true),
    path: (path, target = 'value') => {
      if (tree === null) return null
      const segments = typeof path === 'string' ? parsePath(path) : path
      const walk = walkPath<Step>({ node: tree, keySpan: null }, segments, childStep)
      const last = walk.trail.at(-1)!.node
      return at(spanFor(last, walk.exact ? target : 'key'), walk.exact)
    },
  }
}

function childStep(step: Step, key: PathSegment): Step | undefined {
  const { node } = step
  if (node.kind === 'map') {
    const entry = node.entries.findLast((candidate) => candidate.key === String(key))
    return entry && { node: entry.value, keySpan: entry.keySpan }
  }
  if (node.kind === 'seq') {
    const index = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : -1
    const item = node.items[index]
    return item && { node: item, keySpan: null }
  }
  return undefined
}

function spanFor({ node, keySpan }: Step, target: Target): Span {
  if (keySpan && (target === 'key' || node.span.from === node.span.to)) return keySpan
  return node.span
}

/** The key under the cursor and its path, for the hover help. */
export function keyAt(tree: SourceNode | null, offset: number): { path: PathSegment[]; span: Span } | null {
  const path: PathSegment[] = []
  let node = tree
  while (node) {
    if (node.kind === 'map') {
      const entry = node.entries.find((candidate) => contains(candidate.keySpan, offset) || contains(candidate.value.span, offset))
      if (!entry) return null
      path.push(entry.key)
      if (contains(entry.keySpan, offset)) return { path, span: entry.keySpan }
      node = entry.value
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => contains(item.span, offset))
      if (index < 0) return null
      path.push(index)
      node = node.items[index]!
    } else {
      return null
    }
  }
  return null
}

function contains(span: Span, offset: number): boolean {
  return span.from <= offset && offset <= span.to
}
