/**
 * Whether an entry matches what was typed: every word typed starts a word of the entry's label or
 * keywords ("exe" finds "Executions", "set tok" finds "Settings › API tokens"), or the whole query
 * appears in the label. Case and accents do not matter.
 */
export function matchesQuery(label: string, keywords: readonly string[], query: string): boolean {
  const typed = words(query)
  if (typed.length === 0) return true
  const haystack = words([label, ...keywords].join(' '))
  if (fold(label).includes(fold(query).trim())) return true
  return typed.every((t) => haystack.some((w) => w.startsWith(t)))
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

const words = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean)
