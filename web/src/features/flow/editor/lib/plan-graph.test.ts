import { describe, expect, it } from 'vitest'

import type { DraftTask } from './plan-draft'
import { layoutInput, nodeKeys, planToGraph } from './plan-graph'
import { draftFromPlanInput } from './read-plan'

const task = (id: string, ...depends_on: string[]): DraftTask => ({ id, agent: 'x', prompt: '', depends_on })

describe('planToGraph', () => {
  it('draws an edge from each dependency to the task waiting for it', () => {
    const graph = planToGraph({ name: 'p', tasks: [task('schema'), task('api', 'schema'), task('ui', 'schema'), task('qa', 'api', 'ui')] })
    expect(graph.nodes.map((node) => node.key)).toEqual(['schema', 'api', 'ui', 'qa'])
    expect(graph.edges.map((edge) => edge.id)).toEqual(['schema->api', 'schema->ui', 'api->qa', 'ui->qa'])
  })

  it('draws phases as every task of one phase feeding every task of the next', () => {
    const draft = draftFromPlanInput({ name: 'p', phases: [{ name: 'A', agents: ['x', 'y'] }, { name: 'B', agents: ['z', 'w'] }] })
    expect(planToGraph(draft).edges.map((edge) => [edge.from, edge.to])).toEqual([
      ['a.x', 'b.z'],
      ['a.y', 'b.z'],
      ['a.x', 'b.w'],
      ['a.y', 'b.w'],
    ])
  })

  it('gives blank and duplicate ids their own node, and leaves unknown or repeated dependencies undrawn', () => {
    const tasks = [task('a'), task('a', 'a'), task(''), task('b', 'ghost', 'a', 'a')]
    expect(nodeKeys(tasks)).toEqual(['a', 'a~2', '~2', 'b'])
    const graph = planToGraph({ name: 'p', tasks })
    expect(graph.edges.map((edge) => edge.id)).toEqual(['a->a~2', 'a->b'])
  })
})

describe('layoutInput', () => {
  it('passes every node with its measured size, or the default, and every edge', () => {
    const graph = planToGraph({ name: 'p', tasks: [task('a'), task('b', 'a')] })
    expect(layoutInput(graph, new Map([['a', { width: 300, height: 120 }]]), 'LR')).toEqual({
      nodes: [
        { id: 'a', width: 300, height: 120 },
        { id: 'b', width: 240, height: 92 },
      ],
      edges: [{ source: 'a', target: 'b' }],
      direction: 'LR',
    })
  })
})
