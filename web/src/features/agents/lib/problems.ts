import type { CatalogProblem } from '../api/types'

/** The same problems give the same key whatever their order; a new or changed one, another key. */
export function problemsKey(problems: readonly CatalogProblem[]): string {
  return JSON.stringify(problems.map((p) => [p.path, p.error]).sort())
}
