import { describe, expect, it } from 'vitest'

import { DEFAULT_VIEW, parseViewState, toggleGroup, toggleKind, writeViewState, type ViewState } from './view-state'

describe('view state in the URL', () => {
  it('reads defaults from an empty query and writes nothing for them', () => {
    expect(parseViewState(new URLSearchParams())).toEqual(DEFAULT_VIEW)
    expect(writeViewState(new URLSearchParams(), DEFAULT_VIEW).toString()).toBe('')
  })

  it('round-trips every setting, phase names with commas included, and keeps other parameters', () => {
    const view: ViewState = {
      direction: 'LR',
      colorBy: 'cost',
      hideCompleted: true,
      collapse: ['phases', 'phase:Build, test & ship', '!phase:100% done', 'subagents:build'],
      node: 'sub:toolu_1',
    }
    const written = writeViewState(new URLSearchParams('tab=graph&status=running'), view)
    expect(written.get('tab')).toBe('graph')
    expect(written.get('status')).toBe('running')
    expect(parseViewState(new URLSearchParams(written.toString()))).toEqual(view)
  })

  it('ignores values it does not know', () => {
    expect(parseViewState(new URLSearchParams('dir=up&color=rainbow&hide=yes&collapse=,,'))).toEqual(DEFAULT_VIEW)
  })
})

describe('collapsing groups', () => {
  it('collapses and expands one group', () => {
    const collapsed = toggleGroup([], 'phase:Build', 'phases', true)
    expect(collapsed).toEqual(['phase:Build'])
    expect(toggleGroup(collapsed, 'phase:Build', 'phases', false)).toEqual([])
  })

  it('keeps one group open while its whole kind is collapsed, and closes it again', () => {
    const open = toggleGroup(['phases'], 'phase:Build', 'phases', false)
    expect(open).toEqual(['phases', '!phase:Build'])
    expect(toggleGroup(open, 'phase:Build', 'phases', true)).toEqual(['phases'])
  })

  it('replaces a kind’s own keys by its "all" key, and clears them all', () => {
    const all = toggleKind(['phase:A', '!phase:B', 'subagents:x'], 'phases', 'phase:', true)
    expect(all).toEqual(['subagents:x', 'phases'])
    expect(toggleKind(all, 'phases', 'phase:', false)).toEqual(['subagents:x'])
  })
})
