import { describe, expect, it } from 'vitest'

import { addDependency, addTask, removeDependency, removeTasks, updateTask } from './draft-edits'
import type { DraftTask, PlanDraft } from './plan-draft'

const task = (id: string, ...depends_on: string[]): DraftTask => ({ id, agent: 'x', prompt: '', depends_on })
const plan = (...tasks: DraftTask[]): PlanDraft => ({ name: 'p', tasks })

describe('draft edits', () => {
  it('adds a task named after its agent, never reusing an id', () => {
    const first = addTask(plan(), 'backend-expert')
    const second = addTask(first.draft, 'backend-expert')
    expect(second.draft.tasks.map((t) => t.id)).toEqual(['backend-expert', 'backend-expert-2'])
    expect(second.index).toBe(1)
    expect(second.draft.tasks[1]).toEqual({ id: 'backend-expert-2', agent: 'backend-expert', prompt: '', depends_on: [] })
  })

  it('removes tasks and the dependencies on them', () => {
    const draft = removeTasks(plan(task('a'), task('b', 'a'), task('c', 'a', 'b')), [0])
    expect(draft.tasks).toEqual([task('b'), task('c', 'b')])
  })

  it('keeps dependencies on an id another task still has', () => {
    const draft = removeTasks(plan(task('a'), task('a'), task('b', 'a')), [0])
    expect(draft.tasks.map((t) => t.depends_on)).toEqual([[], ['a']])
  })

  it('carries a new id into the tasks that depend on it', () => {
    const draft = updateTask(plan(task('a'), task('b', 'a'), task('c', 'a', 'b')), 0, { id: 'setup' })
    expect(draft.tasks.map((t) => [t.id, t.depends_on])).toEqual([
      ['setup', []],
      ['b', ['setup']],
      ['c', ['setup', 'b']],
    ])
  })

  it('does not move dependencies off an id that a duplicate still holds', () => {
    const draft = updateTask(plan(task('a'), task('a'), task('b', 'a')), 1, { id: 'a2' })
    expect(draft.tasks[2]!.depends_on).toEqual(['a'])
  })

  it('adds and removes one dependency at a time, ignoring repeats', () => {
    const start = plan(task('a'), task('b'))
    const linked = addDependency(start, 1, 'a')
    expect(linked.tasks[1]!.depends_on).toEqual(['a'])
    expect(addDependency(linked, 1, 'a')).toBe(linked)
    expect(removeDependency(linked, 1, 'a').tasks[1]!.depends_on).toEqual([])
  })
})
