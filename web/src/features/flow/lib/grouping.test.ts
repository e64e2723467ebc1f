import { describe, expect, it } from 'vitest'

import { executionGraph } from './execution-graph'
import { applyView, groupCandidates } from './grouping'
import { subagentsFromLogs } from './subagents'
import { at, attempt, planRun, planTask, subagentCall } from './test-fixtures'

const phased = planRun(
  [
    planTask('design', [], { phase: 'Design' }),
    planTask('api', ['design'], { phase: 'Build' }),
    planTask('ui', ['design'], { phase: 'Build' }),
    planTask('docs', ['design'], { phase: 'Build' }),
    planTask('ship', ['api', 'ui', 'docs'], { phase: 'Release' }),
  ],
  [
    attempt('design', { status: 'completed', started_at: at(0), completed_at: at(1000), cost_usd: 0.1 }),
    attempt('api', { status: 'running', started_at: at(1000), cost_usd: 0.2 }),
    attempt('ui', { status: 'completed', started_at: at(1000), completed_at: at(2000), cost_usd: 0.3 }),
    attempt('docs', { status: 'failed', started_at: at(1000), completed_at: at(3000) }),
  ],
)
const graph = executionGraph(phased, subagentsFromLogs([...subagentCall('api', 's1'), ...subagentCall('api', 's2', { open: true })]))
const view = (collapse: string[], hideCompleted = false) => applyView(graph, { collapse: new Set(collapse), hideCompleted })
const links = (g: { edges: { source: string; target: string }[] }) => g.edges.map((e) => `${e.source}->${e.target}`).sort()

describe('groupCandidates', () => {
  it('offers phases with two or more tasks (with their subagents) and sets of subagents', () => {
    expect(groupCandidates(graph).map((c) => [c.key, c.members])).toEqual([
      ['phase:Build', ['api', 'sub:s1@api', 'sub:s2@api', 'ui', 'docs']],
      ['subagents:api', ['sub:s1@api', 'sub:s2@api']],
    ])
  })

  it('offers tasks outside phases that wait for the same tasks as siblings', () => {
    const plain = executionGraph(planRun([planTask('a'), planTask('b', ['a']), planTask('c', ['a']), planTask('d', ['b'])]))
    expect(groupCandidates(plain)).toEqual([{ key: 'siblings:a', kind: 'siblings', title: 'After a', members: ['b', 'c'] }])
  })
})

describe('applyView', () => {
  it('changes nothing without collapsed groups or hiding', () => {
    expect(view([])).toBe(graph)
  })

  it('collapses a phase into one group node with its members’ states counted, edges following it', () => {
    const g = view(['phase:Build'])
    const group = g.nodes.find((node) => node.kind === 'group')!
    expect(group).toMatchObject({
      id: 'group:phase:Build',
      label: 'Build',
      state: 'running',
      members: ['api', 'sub:s1@api', 'sub:s2@api', 'ui', 'docs'],
      counts: { running: 2, completed: 2, failed: 1 },
      costUsd: 0.5,
      completedAt: null,
    })
    expect(g.nodes.map((node) => node.id)).toEqual(['design', 'group:phase:Build', 'ship'])
    expect(links(g)).toEqual(['design->group:phase:Build', 'group:phase:Build->ship'])
  })

  it('collapses every group of a kind with its "all" key, except one kept open', () => {
    expect(view(['subagents']).nodes.map((node) => node.id)).toContain('group:subagents:api')
    expect(view(['phases', '!phase:Build']).nodes.some((node) => node.kind === 'group')).toBe(false)
  })

  it('hides completed nodes and the edges that touch them', () => {
    const g = view([], true)
    expect(g.nodes.map((node) => node.id)).toEqual(['api', 'sub:s2@api', 'docs', 'ship'])
    expect(links(g)).toEqual(['api->ship', 'api->sub:s2@api', 'docs->ship'])
  })

  it('dissolves a join that collapsing left with one node on a side', () => {
    const joined = executionGraph(
      planRun([
        planTask('a', [], { phase: 'One' }),
        planTask('b', [], { phase: 'One' }),
        planTask('c', ['a', 'b'], { phase: 'Two' }),
        planTask('d', ['a', 'b'], { phase: 'Two' }),
      ]),
    )
    expect(joined.nodes.some((node) => node.kind === 'join')).toBe(true)
    const g = applyView(joined, { collapse: new Set(['phase:One']), hideCompleted: false })
    expect(g.nodes.map((node) => node.id)).toEqual(['group:phase:One', 'c', 'd'])
    expect(links(g)).toEqual(['group:phase:One->c', 'group:phase:One->d'])
  })
})
