import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import { toast } from 'sonner'

import { layoutGraph } from '@/lib/graph-layout'
import type { CanvasView } from '../components/plan-canvas'
import { canvasMarks } from '../lib/canvas-marks'
import { describeCycle, wouldCreateCycle } from '../lib/cycles'
import { addDependency, addTask, removeDependency, removeTasks, updateTask } from '../lib/draft-edits'
import { activeServerErrors, editorReducer, initialEditorState, isDirty } from '../lib/editor-state'
import { freeSpot, type Positions, type XY } from '../lib/placement'
import type { DraftTask, PlanDraft } from '../lib/plan-draft'
import { layoutInput, planToGraph, type EditorEdge, type EditorGraph, type NodeSize } from '../lib/plan-graph'
import { planProblems, serverProblems } from '../lib/plan-problems'
import { rememberedPositions, rememberPositions } from '../lib/position-memory'

/** The flow's layered layout, top to bottom, with the sizes the nodes have (or will have). */
function layOut(graph: EditorGraph, sizes?: ReadonlyMap<string, NodeSize>): Positions {
  return layoutGraph(layoutInput(graph, sizes, 'TB')).positions
}

/** Why an edge is refused: it would close a cycle. */
function refuseCycle(path: string[]) {
  toast.error(`${describeCycle(path)} would be a cycle`, {
    description: 'A task cannot wait, directly or through others, for a task that waits for it.',
  })
}

type Options = {
  /** What to start from: a saved plan (PlanRecord.plan) or a new plan's input. */
  input: unknown
  /** Set for a saved plan: positions are remembered per plan, and it starts clean. */
  planId?: string
  /** The catalog's agent names; null while unknown (no "unknown agent" problems then). */
  knownAgents: ReadonlySet<string> | null
}

/**
 * Everything the editor's parts share: the draft, node positions, the selection, problems, and
 * the edits, each checked (cycles refused with a toast naming them).
 */
export function usePlanEditor({ input, planId, knownAgents }: Options) {
  const [state, dispatch] = useReducer(editorReducer, undefined, () =>
    initialEditorState(input, { saved: planId !== undefined, positions: planId ? rememberedPositions(planId) : undefined, layout: (graph) => layOut(graph) }),
  )
  const [view, setView] = useState<CanvasView | null>(null)
  const sizes = useRef<ReadonlyMap<string, NodeSize>>(new Map())
  const { draft } = state

  const graph = useMemo(() => planToGraph(draft), [draft])
  const { rejection } = state
  // Not on `state`: a node being dragged changes it on every frame, and nothing here depends on where nodes are.
  const serverErrors = useMemo(() => activeServerErrors({ draft, rejection }), [draft, rejection])
  const problems = useMemo(() => [...planProblems(draft, knownAgents), ...serverProblems(serverErrors, draft)], [draft, knownAgents, serverErrors])
  // An empty plan is how every plan starts: the canvas says what to do; Save still refuses it.
  const shownProblems = useMemo(() => problems.filter((problem) => problem.kind !== 'no-tasks'), [problems])
  const marks = useMemo(() => canvasMarks(graph, problems), [graph, problems])
  const dirty = isDirty(state)

  useEffect(() => {
    if (!planId) return
    const timer = window.setTimeout(() => rememberPositions(planId, state.positions), 400)
    return () => window.clearTimeout(timer)
  }, [planId, state.positions])

  const show = (kind: CanvasView['kind'], key?: string) => setView((last) => ({ kind, key, seq: (last?.seq ?? 0) + 1 }))
  const edit = (next: PlanDraft, extra: { place?: Record<number, XY>; select?: number | null } = {}) => dispatch({ type: 'edit', draft: next, ...extra })
  const nodeOf = (key: string) => graph.nodes.find((node) => node.key === key)

  const cycleIfConnected = (source: string, target: string) => {
    const from = nodeOf(source)
    const to = nodeOf(target)
    if (!from || !to) return null
    return wouldCreateCycle(draft.tasks, from.task.id, to.task.id)
  }

  return {
    state,
    graph,
    /** Everything wrong, as Save checks it. */
    problems,
    /** What the problem lists show: all but "the plan has no tasks" while the canvas invites the first one. */
    shownProblems,
    marks,
    serverErrors,
    dirty,
    view,
    /** Loads what the server saved (after a save: the input sent, so the YAML is not rewritten). */
    markSaved: (saved: Record<string, unknown>) => dispatch({ type: 'saved', input: saved }),
    markRejected: (sent: Record<string, unknown>, fields: Record<string, string>, message: string) =>
      dispatch({ type: 'rejected', input: sent, fields, message }),
    fromYaml: useCallback((value: Record<string, unknown> | undefined) => dispatch({ type: 'yaml', value }), []),
    select: (key: string | null) => dispatch({ type: 'select', key }),
    move: (positions: Positions) => dispatch({ type: 'move', positions }),
    measure: (measured: ReadonlyMap<string, NodeSize>) => {
      sizes.current = measured
    },
    autoLayout: () => {
      dispatch({ type: 'layout', positions: layOut(graph, sizes.current) })
      show('fit')
    },
    /**
     * A task for `agent`, where it was dropped or else below everything (brought into view).
     * `select` opens it in the inspector, as "Add task" does; drops and the palette keep adding.
     */
    addTask: (agent: string, { at, select = false }: { at?: XY; select?: boolean } = {}) => {
      const added = addTask(draft, agent)
      edit(added.draft, { place: { [added.index]: at ?? freeSpot(state.positions) }, select: select ? added.index : undefined })
      if (!at) show('focus', added.draft.tasks[added.index]!.id)
      return added.draft.tasks[added.index]!.id
    },
    updateTask: (index: number, patch: Partial<DraftTask>) => edit(updateTask(draft, index, patch)),
    updateSettings: (patch: Partial<Omit<PlanDraft, 'tasks'>>) => edit({ ...draft, ...patch }),
    removeTask: (index: number) => edit(removeTasks(draft, [index]), { select: null }),
    canConnect: (source: string, target: string) => cycleIfConnected(source, target) === null,
    /** Makes `target` depend on `source` (node keys), unless that closes a cycle. */
    connect: (source: string, target: string) => {
      const from = nodeOf(source)
      const to = nodeOf(target)
      if (!from || !to) return
      const cycle = wouldCreateCycle(draft.tasks, from.task.id, to.task.id)
      if (cycle) refuseCycle(cycle)
      else edit(addDependency(draft, to.index, from.task.id))
    },
    connectRefused: (source: string, target: string) => {
      const cycle = cycleIfConnected(source, target)
      if (cycle) refuseCycle(cycle)
    },
    /** The inspector's "depends on" list: the same check, by task id. */
    addDependency: (index: number, dependency: string) => {
      const task = draft.tasks[index]
      if (!task) return
      const cycle = wouldCreateCycle(draft.tasks, dependency, task.id)
      if (cycle) refuseCycle(cycle)
      else edit(addDependency(draft, index, dependency))
    },
    removeDependency: (index: number, dependency: string) => edit(removeDependency(draft, index, dependency)),
    /** Delete/Backspace on the canvas: tasks go with their edges; a lone edge removes its dependency. */
    remove: (keys: string[], edges: EditorEdge[]) => {
      const gone = new Set(keys)
      let next = draft
      for (const edge of edges) {
        if (gone.has(edge.source) || gone.has(edge.target)) continue
        const target = nodeOf(edge.target)
        if (target) next = removeDependency(next, target.index, edge.from)
      }
      const indices = graph.nodes.filter((node) => gone.has(node.key)).map((node) => node.index)
      if (indices.length > 0) next = removeTasks(next, indices)
      if (next !== draft) edit(next, indices.length > 0 ? { select: null } : {})
    },
  }
}

export type PlanEditorModel = ReturnType<typeof usePlanEditor>
