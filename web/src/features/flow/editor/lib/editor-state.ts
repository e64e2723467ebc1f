import { parsePath, valueAt } from '@/components/config-editor/path'
import { jsonEqual } from '@/lib/json'

import { carryPositions, placeNewNodes, type Positions, type XY } from './placement'
import type { PlanDraft } from './plan-draft'
import { nodeKeys, planToGraph, type EditorGraph } from './plan-graph'
import { draftFromPlanInput, isWrittenAsPhases } from './read-plan'
import { draftToPlanInput } from './write-plan'

/**
 * The editor's one source of truth. The canvas, the inspector and the settings change `draft`
 * and bump `revision`, which tells the YAML editor to show `yamlValue`; the YAML editor reports
 * what its text means and only `draft` follows (its text is the user's, never rewritten then).
 */
export type EditorState = {
  draft: PlanDraft
  /** Where every node is, by node key: always complete for the current draft. */
  positions: Positions
  /** The selected node's key. */
  selected: string | null
  revision: number
  yamlValue: Record<string, unknown>
  /** The YAML does not parse: the canvas shows the last plan it did. */
  yamlBroken: boolean
  /** The YAML is written as phases; the next canvas edit or save writes it as tasks. */
  yamlPhases: boolean
  /** What was last saved or loaded, as PlanInput: "unsaved changes" compares with it. */
  saved: Record<string, unknown> | null
  /** Field errors of the last save the server refused, with the input they were about. */
  rejection: { input: Record<string, unknown>; fields: Record<string, string>; message: string } | null
}

export type EditorAction =
  /** An edit on the canvas, the inspector or the settings. `place` puts new tasks (by index) at a point, e.g. where one was dropped. */
  | { type: 'edit'; draft: PlanDraft; place?: Record<number, XY>; select?: number | null }
  | { type: 'yaml'; value: Record<string, unknown> | undefined }
  | { type: 'move'; positions: Positions }
  | { type: 'layout'; positions: Positions }
  | { type: 'select'; key: string | null }
  | { type: 'saved'; input: Record<string, unknown> }
  | { type: 'rejected'; input: Record<string, unknown>; fields: Record<string, string>; message: string }

type InitialOptions = {
  /** Loaded from the server (nothing to save yet), or a new plan. */
  saved: boolean
  /** Where the nodes were when this plan was last open here. */
  positions?: Positions
  /** Lays the whole plan out when nothing is remembered (the flow's layered layout). */
  layout?: (graph: EditorGraph) => Positions
}

export function initialEditorState(input: unknown, options: InitialOptions = { saved: false }): EditorState {
  const draft = draftFromPlanInput(input)
  const yamlValue = draftToPlanInput(draft)
  const graph = planToGraph(draft)
  const keys = nodeKeys(draft.tasks)
  const remembered = carryPositions(keys, keys, options.positions ?? {})
  const start = Object.keys(remembered).length === 0 && options.layout && keys.length > 0 ? options.layout(graph) : remembered
  return {
    draft,
    positions: placeNewNodes(graph, start),
    selected: null,
    revision: 0,
    yamlValue,
    yamlBroken: false,
    yamlPhases: false,
    saved: options.saved ? yamlValue : null,
    rejection: null,
  }
}

/** Moves positions and the selection over to the next draft's keys, and finds a place for new nodes. */
function follow(state: EditorState, draft: PlanDraft, place: Record<number, XY> = {}, select?: number | null): Pick<EditorState, 'positions' | 'selected'> {
  const before = nodeKeys(state.draft.tasks)
  const after = nodeKeys(draft.tasks)
  const positions = carryPositions(before, after, state.positions)
  for (const [index, xy] of Object.entries(place)) {
    const key = after[Number(index)]
    if (key !== undefined) positions[key] = xy
  }
  let selected: string | null = null
  if (select !== undefined) selected = select === null ? null : (after[select] ?? null)
  else if (state.selected !== null) {
    const index = before.indexOf(state.selected)
    selected = after.includes(state.selected) ? state.selected : index >= 0 && after[index] !== undefined && !after.includes(before[index]!) ? after[index]! : null
  }
  return { positions: placeNewNodes(planToGraph(draft), positions), selected }
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit':
      return {
        ...state,
        ...follow(state, action.draft, action.place, action.select),
        draft: action.draft,
        revision: state.revision + 1,
        yamlValue: draftToPlanInput(action.draft),
        yamlBroken: false,
        yamlPhases: false,
      }
    case 'yaml': {
      if (action.value === undefined) return state.yamlBroken ? state : { ...state, yamlBroken: true }
      const draft = draftFromPlanInput(action.value)
      return { ...state, ...follow(state, draft), draft, yamlBroken: false, yamlPhases: isWrittenAsPhases(action.value) }
    }
    case 'move':
      return { ...state, positions: { ...state.positions, ...action.positions } }
    case 'layout':
      return { ...state, positions: { ...state.positions, ...action.positions } }
    case 'select':
      return state.selected === action.key ? state : { ...state, selected: action.key }
    case 'saved':
      // A new revision too: YAML written as phases now shows the tasks that were saved.
      return { ...state, saved: action.input, rejection: null, revision: state.revision + 1, yamlValue: action.input, yamlPhases: false }
    case 'rejected':
      return { ...state, rejection: { input: action.input, fields: action.fields, message: action.message } }
  }
}

/** Whether there is something to save: the plan differs from the saved one, or the YAML is broken. */
export function isDirty(state: EditorState): boolean {
  if (state.yamlBroken) return true
  if (state.saved === null) return state.draft.tasks.length > 0
  return !jsonEqual(draftToPlanInput(state.draft), state.saved)
}

/**
 * The refused save's field errors that still apply: each stays until the value at its path
 * changes, as in the YAML editor, so fixing a field clears its mark on the canvas at once.
 */
export function activeServerErrors(state: Pick<EditorState, 'draft' | 'rejection'>): Record<string, string> {
  if (!state.rejection) return {}
  const current = draftToPlanInput(state.draft)
  const active: Record<string, string> = {}
  for (const [path, message] of Object.entries(state.rejection.fields)) {
    const segments = parsePath(path)
    if (jsonEqual(valueAt(current, segments), valueAt(state.rejection.input, segments))) active[path] = message
  }
  return active
}
