import { describe, expect, it } from 'vitest'

import { flowEdges, flowNodes, taskAriaLabel } from './canvas-elements'
import { planToGraph } from './plan-graph'
import { planProblems } from './plan-problems'
import { canvasMarks } from './canvas-marks'

const draft = {
  name: 'p',
  tasks: [
    { id: 'build', agent: 'builder', prompt: '', depends_on: [] },
    { id: 'test', agent: 'ghost', prompt: '', depends_on: ['build'] },
  ],
}

describe('canvas elements', () => {
  const graph = planToGraph(draft)
  const marks = canvasMarks(graph, planProblems(draft, new Set(['builder'])))

  it('builds nodes with their place, selection, measured size, colour and problems', () => {
    const nodes = flowNodes({
      graph,
      positions: { build: { x: 1, y: 2 } },
      selected: 'test',
      problemsByKey: marks.byNode,
      agentColors: new Map([['builder', 'green']]),
      measured: new Map([['build', { width: 240, height: 90 }]]),
      readOnly: false,
    })
    expect(nodes.map((node) => [node.id, node.position, node.selected, node.measured])).toEqual([
      ['build', { x: 1, y: 2 }, false, { width: 240, height: 90 }],
      ['test', { x: 0, y: 0 }, true, undefined],
    ])
    expect(nodes[0]!.data.agentColor).toBe('green')
    expect(nodes[1]!.ariaLabel).toBe('Task test, agent ghost, 1 problem')
  })

  it('names edges by what depends on what, and marks the selected and the bad ones', () => {
    const [edge] = flowEdges(graph, new Set(['build->test']), 'build->test')
    expect(edge).toMatchObject({ source: 'build', target: 'test', selected: true, ariaLabel: 'test depends on build' })
    expect(edge!.style?.stroke).toBe('var(--destructive)')
  })

  it('labels a task without an id or agent', () => {
    expect(taskAriaLabel('', '', 2)).toBe('Task (no id), agent (none), 2 problems')
  })
})
