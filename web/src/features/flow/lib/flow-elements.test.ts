import { describe, expect, it } from 'vitest'

import type { TaskAttempt } from '../api/types'
import { executionGraph } from './execution-graph'
import { createElementsCache, nodeAriaLabel } from './flow-elements'
import { layoutGraph } from '@/lib/graph-layout'
import { createLayoutInputMemo, sameStructure } from './structure'
import { at, attempt, planRun, planTask } from './test-fixtures'

const plan = [planTask('plan'), planTask('build', ['plan']), planTask('ship', ['build'])]
const run = (...attempts: TaskAttempt[]) => executionGraph(planRun(plan, attempts))

describe('createElementsCache', () => {
  it('hands back the same node and edge objects for what did not change', () => {
    const before = run(attempt('plan', { status: 'running', started_at: at(0) }))
    const layout = layoutGraph(createLayoutInputMemo()(before, 'TB'))
    const build = createElementsCache()
    const first = build(before, layout, new Map(), null, 'TB')

    const after = run(attempt('plan', { status: 'completed', started_at: at(0), completed_at: at(10) }), attempt('build', { status: 'running', started_at: at(10) }))
    const second = build(after, layout, new Map(), null, 'TB')

    expect(second.nodes[2]).toBe(first.nodes[2])
    expect(second.nodes[0]).not.toBe(first.nodes[0])
    expect(second.nodes[1]!.data.node.state).toBe('running')
    // The edge into the task that now runs is animated; the other one is the same object.
    expect(second.edges.find((e) => e.target === 'build')).toMatchObject({ animated: true })
    expect(second.edges.find((e) => e.target === 'ship')).toBe(first.edges.find((e) => e.target === 'ship'))
  })

  it('keeps the data object when only the selection moves, and leaves out nodes not laid out yet', () => {
    const graph = run()
    const layout = layoutGraph(createLayoutInputMemo()(graph, 'LR'))
    const build = createElementsCache()
    const first = build(graph, layout, new Map(), null, 'LR')
    const selected = build(graph, layout, new Map(), 'build', 'LR')
    expect(selected.nodes[1]).not.toBe(first.nodes[1])
    expect(selected.nodes[1]!.data).toBe(first.nodes[1]!.data)
    expect(selected.nodes[1]).toMatchObject({ selected: true, sourcePosition: 'right', targetPosition: 'left' })
    // Edges attach to declared handles: mid-left and mid-right of the node, never waiting for a measurement.
    expect(selected.nodes[1]!.handles).toEqual([
      expect.objectContaining({ type: 'target', position: 'left', x: 0, y: 36.5 }),
      expect.objectContaining({ type: 'source', position: 'right', x: 231, y: 36.5 }),
    ])

    const partial = build(graph, { ...layout, positions: { plan: layout.positions.plan! } }, new Map(), null, 'LR')
    expect(partial.nodes.map((n) => n.id)).toEqual(['plan'])
    expect(partial.edges).toEqual([])
  })
})

describe('structure', () => {
  it('is the same across state changes and differs when nodes or edges do', () => {
    const a = run()
    const b = run(attempt('plan', { status: 'running' }))
    expect(sameStructure(a, b)).toBe(true)
    const memo = createLayoutInputMemo()
    expect(memo(b, 'TB')).toBe(memo(a, 'TB'))
    expect(memo(b, 'LR')).not.toBe(memo(a, 'TB'))
    const bigger = executionGraph(planRun([...plan, planTask('docs', ['plan'])]))
    expect(sameStructure(a, bigger)).toBe(false)
  })
})

describe('nodeAriaLabel', () => {
  it('names the task, its agent, its state and a retry', () => {
    const graph = run(attempt('plan', { attempt: 2, status: 'running' }))
    expect(nodeAriaLabel(graph.nodes[0]!)).toBe('Task plan, agent backend, running, attempt 2')
    expect(nodeAriaLabel(graph.nodes[1]!)).toBe('Task build, agent backend, pending')
  })
})
