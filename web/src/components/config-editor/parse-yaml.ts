import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLError } from 'yaml'

import type { ParsedSource, SourceNode, Span, SyntaxIssue } from './source'

/** A few aliases are normal; thousands are an expansion attack ("billion laughs"). */
const MAX_ALIAS_COUNT = 100

/** Parses YAML 1.2 (anchors and `<<` merge keys allowed) and records where every key and value sits. */
export function parseYaml(text: string): ParsedSource {
  const doc = parseDocument(text, { prettyErrors: false, merge: true, uniqueKeys: true })
  const errors = doc.errors.map((error) => toIssue(error, 'error', text))
  const warnings = doc.warnings.map((warning) => toIssue(warning, 'warning', text))
  if (errors.length > 0) return { ok: false, errors }
  if (doc.contents === null) return { ok: true, value: undefined, tree: null, warnings }

  const notJson: SyntaxIssue[] = []
  const tree = toSourceNode(doc.contents, notJson)
  if (notJson.length > 0) return { ok: false, errors: notJson }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), tree, warnings }
  } catch (error) {
    const message = error instanceof Error ? error.message : 'The document cannot be read'
    return { ok: false, errors: [{ message, span: { from: 0, to: 0 }, severity: 'error' }] }
  }
}

function toIssue(error: YAMLError, severity: SyntaxIssue['severity'], text: string): SyntaxIssue {
  const [from, to] = error.pos
  return { message: sentence(error.message), span: { from: Math.min(from, text.length), to: Math.min(to, text.length) }, severity }
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1)
}

function spanOf(node: YamlNode): Span {
  const [from, valueEnd] = node.range ?? [0, 0]
  return { from, to: valueEnd }
}

/** Also reports, as errors, what JSON cannot hold: `.inf`, `.nan` and keys that are lists or maps. */
function toSourceNode(node: unknown, issues: SyntaxIssue[]): SourceNode {
  if (isMap(node)) {
    const entries = node.items.map((pair) => {
      const keyNode = pair.key
      const keySpan = isScalar(keyNode) || isAlias(keyNode) || isMap(keyNode) || isSeq(keyNode) ? spanOf(keyNode) : { from: 0, to: 0 }
      if (isMap(keyNode) || isSeq(keyNode)) {
        issues.push({ message: 'Keys must be plain values, not lists or maps', span: keySpan, severity: 'error' })
      }
      const key = isScalar(keyNode) ? String(keyNode.value ?? '') : String(keyNode ?? '')
      const value: SourceNode = pair.value
        ? toSourceNode(pair.value, issues)
        : { kind: 'scalar', span: { from: keySpan.to, to: keySpan.to } }
      return { key, keySpan, value }
    })
    return { kind: 'map', span: spanOf(node), entries }
  }
  if (isSeq(node)) return { kind: 'seq', span: spanOf(node), items: node.items.map((item) => toSourceNode(item, issues)) }
  if (isScalar(node) || isAlias(node)) {
    const span = spanOf(node)
    if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value)) {
      issues.push({ message: `${node.source ?? String(node.value)} cannot be represented in JSON`, span, severity: 'error' })
    }
    return { kind: 'scalar', span }
  }
  return { kind: 'scalar', span: { from: 0, to: 0 } }
}
