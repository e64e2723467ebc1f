import type { LayoutDirection } from '@/lib/graph-layout'

/**
 * What the graph view shows, kept in the URL so a link opens the same view:
 * `?dir=LR&color=agent&hide=completed&collapse=phases,subagents:build&node=build`. Defaults are
 * left out, and parameters that are not the graph's (`tab`, filters) are left alone.
 */

export type ColorBy = 'state' | 'agent' | 'duration' | 'cost'

export type ViewState = {
  direction: LayoutDirection
  colorBy: ColorBy
  hideCompleted: boolean
  /** Group keys (see grouping.ts), in the order they were collapsed. */
  collapse: string[]
  /** The node whose panel is open. */
  node: string | null
}

export const COLOR_BY: readonly { value: ColorBy; label: string }[] = [
  { value: 'state', label: 'State' },
  { value: 'agent', label: 'Agent' },
  { value: 'duration', label: 'Duration' },
  { value: 'cost', label: 'Cost' },
]

export const DEFAULT_VIEW: ViewState = { direction: 'TB', colorBy: 'state', hideCompleted: false, collapse: [], node: null }

/** The parameters this module owns; anything else in the URL belongs to the page. */
export const VIEW_PARAMS = ['dir', 'color', 'hide', 'collapse', 'node'] as const

// Group keys carry phase names, which may hold commas: those are escaped inside a key.
const encodeKey = (key: string) => key.replaceAll('%', '%25').replaceAll(',', '%2C')
const decodeKey = (key: string) => key.replaceAll('%2C', ',').replaceAll('%25', '%')

export function parseViewState(params: URLSearchParams): ViewState {
  const dir = params.get('dir')
  const color = params.get('color')
  const collapse = params.get('collapse')
  return {
    direction: dir === 'LR' ? 'LR' : 'TB',
    colorBy: COLOR_BY.some((c) => c.value === color) ? (color as ColorBy) : 'state',
    hideCompleted: params.get('hide') === 'completed',
    collapse: collapse ? [...new Set(collapse.split(',').filter(Boolean).map(decodeKey))] : [],
    node: params.get('node') || null,
  }
}

/** `params` with the view's parameters replaced by `view`'s (defaults removed); others kept. */
export function writeViewState(params: URLSearchParams, view: ViewState): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of VIEW_PARAMS) next.delete(key)
  if (view.direction !== DEFAULT_VIEW.direction) next.set('dir', view.direction)
  if (view.colorBy !== DEFAULT_VIEW.colorBy) next.set('color', view.colorBy)
  if (view.hideCompleted) next.set('hide', 'completed')
  if (view.collapse.length > 0) next.set('collapse', view.collapse.map(encodeKey).join(','))
  if (view.node) next.set('node', view.node)
  return next
}

/** Collapses or expands one group; `kindAll` is the key standing for its whole kind ("phases"). */
export function toggleGroup(collapse: readonly string[], key: string, kindAll: string, collapsed: boolean): string[] {
  const rest = collapse.filter((k) => k !== key && k !== `!${key}`)
  if (collapsed) return rest.includes(kindAll) ? rest : [...rest, key]
  return rest.includes(kindAll) ? [...rest, `!${key}`] : rest
}

/** Collapses or expands every group of a kind: the single "all" key replaces the kind's own keys. */
export function toggleKind(collapse: readonly string[], kindAll: string, prefix: string, collapsed: boolean): string[] {
  const rest = collapse.filter((k) => k !== kindAll && !k.startsWith(prefix) && !k.startsWith(`!${prefix}`))
  return collapsed ? [...rest, kindAll] : rest
}
