import { describe, expect, it } from 'vitest'

import { canvasMarks } from './canvas-marks'
import type { DraftTask, PlanDraft } from './plan-draft'
import { planToGraph } from './plan-graph'
import { planProblems } from './plan-problems'

const task = (id: string, agent: string, ...depends_on: string[]): DraftTask => ({ id, agent, prompt: '', depends_on })

function marks(draft: PlanDraft) {
  return canvasMarks(planToGraph(draft), planProblems(draft, new Set(['x'])))
}

describe('canvasMarks', () => {
  it('marks the task a problem names, by index even when ids repeat', () => {
    const { byNode } = marks({ name: 'p', tasks: [task('a', 'x'), task('a', 'ghost')] })
    expect([...byNode.keys()]).toEqual(['a~2'])
    expect(byNode.get('a~2')!.map((problem) => problem.kind)).toEqual(['duplicate-id', 'unknown-agent'])
  })

  it('marks every task and edge of a cycle', () => {
    const { byNode, badEdges } = marks({ name: 'p', tasks: [task('start', 'x'), task('a', 'x', 'start', 'c'), task('b', 'x', 'a'), task('c', 'x', 'b')] })
    expect([...byNode.keys()].sort()).toEqual(['a', 'b', 'c'])
    expect([...badEdges].sort()).toEqual(['a->b', 'b->c', 'c->a'])
  })

  it('leaves the plan-wide problems off the canvas', () => {
    const { byNode } = marks({ name: '', tasks: [] })
    expect(byNode.size).toBe(0)
  })
})
