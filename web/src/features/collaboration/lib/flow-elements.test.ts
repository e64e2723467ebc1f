import { describe, expect, it } from 'vitest'

import { describeAgent, describeHandoff, flowElements, NODE_HEIGHT } from './flow-elements'
import { collaborationGraph, highlightFor } from './graph'

const graph = collaborationGraph(
  [
    { agent: 'planner', tasks: 1, executions: 1 },
    { agent: 'builder', tasks: 3, executions: 1 },
    { agent: 'checker', tasks: 1, executions: 1 },
  ],
  [
    { from: 'planner', to: 'builder', count: 2, executions: 1 },
    { from: 'builder', to: 'builder', count: 2, executions: 1 },
    { from: 'builder', to: 'checker', count: 1, executions: 1 },
    { from: 'checker', to: 'planner', count: 1, executions: 1 },
  ],
)
// One column: planner over builder over checker.
const positions = { planner: { x: 0, y: 0 }, builder: { x: 0, y: NODE_HEIGHT + 80 }, checker: { x: 0, y: 2 * (NODE_HEIGHT + 80) } }

describe('flowElements', () => {
  it('makes a node per agent, named for screen readers, and an edge per hand-off between two agents', () => {
    const { nodes, edges } = flowElements(graph, positions, new Map(), null, null)
    expect(nodes.map((n) => [n.id, n.ariaLabel])).toEqual([
      ['planner', 'planner: 1 task, 1 execution'],
      ['builder', 'builder: 3 tasks, 1 execution, hands work to itself 2 times'],
      ['checker', 'checker: 1 task, 1 execution'],
    ])
    expect(edges.map((e) => e.id)).toEqual(['planner→builder', 'builder→checker', 'checker→planner'])
    expect(nodes.every((n) => n.data.emphasis === 'normal') && edges.every((e) => e.data!.emphasis === 'normal')).toBe(true)
  })

  it('leaves from the bottom going down, and from the side going back up', () => {
    const { edges } = flowElements(graph, positions, new Map(), null, null)
    const down = edges.find((e) => e.id === 'planner→builder')!
    const up = edges.find((e) => e.id === 'checker→planner')!
    expect([down.data!.route, down.sourceHandle, down.targetHandle]).toEqual(['down', 'down-out', 'down-in'])
    expect([up.data!.route, up.sourceHandle, up.targetHandle]).toEqual(['up', 'up-out', 'up-in'])
  })

  it('colours an edge by the agent handing the work, with the colour its file declares', () => {
    const { edges } = flowElements(graph, positions, new Map([['planner', 'blue']]), null, null)
    expect(edges.find((e) => e.id === 'planner→builder')!.data!.hue).toBe(260)
  })

  it('brightens the focused agent and its hand-offs and dims the rest', () => {
    const focus = { agent: 'checker' }
    const { nodes, edges } = flowElements(graph, positions, new Map(), focus, highlightFor(focus, graph.handoffs))
    expect(Object.fromEntries(nodes.map((n) => [n.id, n.data.emphasis]))).toEqual({
      planner: 'normal',
      builder: 'normal',
      checker: 'focused',
    })
    expect(Object.fromEntries(edges.map((e) => [e.id, e.data!.emphasis]))).toEqual({
      'planner→builder': 'dimmed',
      'builder→checker': 'focused',
      'checker→planner': 'focused',
    })
  })
})

describe('describeHandoff / describeAgent', () => {
  it('reads as a sentence, singular or plural', () => {
    expect(describeHandoff({ from: 'a', to: 'b', count: 1, executions: 1 })).toBe('a hands work to b: 1 hand-off in 1 execution')
    expect(describeHandoff({ from: 'a', to: 'a', count: 3, executions: 2 })).toBe('a hands work to itself: 3 hand-offs in 2 executions')
    expect(describeAgent({ agent: 'a', tasks: 2, executions: 1, selfHandoffs: 1, sent: 0, received: 0 })).toBe(
      'a: 2 tasks, 1 execution, hands work to itself 1 time',
    )
  })
})
