import { describe, expect, it } from 'vitest'

import { addTask, updateTask } from './draft-edits'
import { activeServerErrors, editorReducer, initialEditorState, isDirty } from './editor-state'

const PLAN = {
  name: 'p',
  tasks: [
    { id: 'build', agent: 'builder' },
    { id: 'test', agent: 'tester', depends_on: ['build'] },
  ],
}

describe('editorReducer', () => {
  it('starts with every node placed and nothing to save', () => {
    const state = initialEditorState(PLAN, { saved: true })
    expect(Object.keys(state.positions)).toEqual(['build', 'test'])
    expect(isDirty(state)).toBe(false)
  })

  it('keeps remembered positions and places the rest', () => {
    const state = initialEditorState(PLAN, { saved: true, positions: { build: { x: 500, y: 20 }, gone: { x: 0, y: 0 } } })
    expect(state.positions.build).toEqual({ x: 500, y: 20 })
    expect(state.positions.test!.y).toBeGreaterThan(20)
    expect(state.positions.gone).toBeUndefined()
  })

  it('sends a canvas edit to the YAML (a new revision) and puts a dropped task where it was dropped', () => {
    const state = initialEditorState(PLAN, { saved: true })
    const { draft, index } = addTask(state.draft, 'reviewer')
    const next = editorReducer(state, { type: 'edit', draft, place: { [index]: { x: 42, y: 7 } }, select: index })
    expect(next.revision).toBe(1)
    expect(next.yamlValue.tasks).toHaveLength(3)
    expect(next.positions.reviewer).toEqual({ x: 42, y: 7 })
    expect(next.selected).toBe('reviewer')
    expect(isDirty(next)).toBe(true)
  })

  it('follows a YAML edit without a new revision, keeping positions and the selection through a rename', () => {
    let state = initialEditorState(PLAN, { saved: true })
    state = editorReducer(state, { type: 'select', key: 'test' })
    const renamed = { ...PLAN, tasks: [PLAN.tasks[0], { id: 'qa', agent: 'tester', depends_on: ['build'] }] }
    const next = editorReducer(state, { type: 'yaml', value: renamed })
    expect(next.revision).toBe(0)
    expect(next.positions.qa).toEqual(state.positions.test)
    expect(next.selected).toBe('qa')
  })

  it('notes YAML written as phases until a canvas edit or a save writes it as tasks', () => {
    const state = initialEditorState(PLAN, { saved: true })
    const phased = editorReducer(state, { type: 'yaml', value: { name: 'p', phases: [{ name: 'A', agents: ['x'] }] } })
    expect(phased.yamlPhases).toBe(true)
    expect(phased.draft.tasks.map((task) => task.id)).toEqual(['a.x'])
    expect(editorReducer(phased, { type: 'edit', draft: phased.draft }).yamlPhases).toBe(false)
    expect(editorReducer(phased, { type: 'saved', input: phased.yamlValue }).yamlPhases).toBe(false)
  })

  it('keeps the last valid plan while the YAML is broken, and counts that as unsaved', () => {
    const state = initialEditorState(PLAN, { saved: true })
    const broken = editorReducer(state, { type: 'yaml', value: undefined })
    expect(broken.draft).toBe(state.draft)
    expect(broken.yamlBroken).toBe(true)
    expect(isDirty(broken)).toBe(true)
    expect(editorReducer(broken, { type: 'yaml', value: PLAN }).yamlBroken).toBe(false)
  })

  it('is clean again once saved', () => {
    const state = initialEditorState(PLAN, { saved: true })
    const edited = editorReducer(state, { type: 'edit', draft: updateTask(state.draft, 0, { prompt: 'Build it' }) })
    expect(isDirty(edited)).toBe(true)
    const saved = editorReducer(edited, { type: 'saved', input: edited.yamlValue })
    expect(isDirty(saved)).toBe(false)
    // The YAML is told to show what was saved (a no-op unless it was written as phases).
    expect(saved.revision).toBe(edited.revision + 1)
  })

  it('a new plan is unsaved once it has a task', () => {
    const state = initialEditorState({ name: 'New', tasks: [] })
    expect(isDirty(state)).toBe(false)
    expect(isDirty(editorReducer(state, { type: 'edit', draft: addTask(state.draft, 'x').draft }))).toBe(true)
  })
})

describe('activeServerErrors', () => {
  it('keeps a refused field’s error until that field changes', () => {
    let state = initialEditorState(PLAN, { saved: true })
    state = editorReducer(state, {
      type: 'rejected',
      input: state.yamlValue,
      fields: { 'tasks[1].agent': 'no such runner', name: 'taken' },
      message: 'invalid',
    })
    expect(activeServerErrors(state)).toEqual({ 'tasks[1].agent': 'no such runner', name: 'taken' })
    state = editorReducer(state, { type: 'edit', draft: updateTask(state.draft, 1, { agent: 'builder' }) })
    expect(activeServerErrors(state)).toEqual({ name: 'taken' })
  })
})

describe('initialEditorState with a layout', () => {
  it('lays the plan out when nothing is remembered, and not otherwise', () => {
    const layout = () => ({ build: { x: 7, y: 7 }, test: { x: 7, y: 200 } })
    expect(initialEditorState(PLAN, { saved: true, layout }).positions.build).toEqual({ x: 7, y: 7 })
    expect(initialEditorState(PLAN, { saved: true, layout, positions: { build: { x: 1, y: 1 } } }).positions.build).toEqual({ x: 1, y: 1 })
  })
})
