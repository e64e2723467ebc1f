import { jsonEqual } from '@/lib/json'

import { isRecord } from './schema'

/**
 * What the text means to a page that shows the same document elsewhere (a canvas): an object,
 * or `invalid` while there is nothing usable (a syntax error, or a list where an object belongs).
 */
export type Meaning = { value: Record<string, unknown> } | 'invalid'

export function meaningOf(analysis: { parsed: boolean; value: unknown }): Meaning {
  return analysis.parsed && isRecord(analysis.value) ? { value: analysis.value } : 'invalid'
}

/**
 * Whether `next` is news to a page that last knew `known`: a reformatted text, a format switch or
 * the page's own value coming back are not; an edit, an undo or the text breaking are.
 */
export function isNews(known: Meaning, next: Meaning): boolean {
  if (next === 'invalid' || known === 'invalid') return next !== known
  return !jsonEqual(known.value, next.value)
}
