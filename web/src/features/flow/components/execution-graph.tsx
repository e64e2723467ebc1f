import '@xyflow/react/dist/style.css'
import './flow.css'

import {
  Background,
  BackgroundVariant,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  type NodeChange,
} from '@xyflow/react'
import { EyeOffIcon, WorkflowIcon } from 'lucide-react'
import { useCallback, useMemo, useState } from 'react'

import { EmptyState } from '@/components/empty-state'
import { Button } from '@/components/ui/button'
import { useCan } from '@/hooks/use-can'
import { useNow } from '@/hooks/use-now'
import { useThrottledValue } from '@/hooks/use-throttled-value'
import { isRunByBaton } from '@/lib/execution-source'
import { useLiveLogs } from '@/lib/realtime'
import { cn } from '@/lib/utils'

import { useGraphLayout } from '../hooks/use-graph-layout'
import { useGraphViewport } from '../hooks/use-graph-viewport'
import { useViewState } from '../hooks/use-view-state'
import { paintNodes } from '../lib/color-scale'
import { executionGraph } from '../lib/execution-graph'
import { createElementsCache, type FlowRFNode } from '../lib/flow-elements'
import type { FlowNode } from '../lib/graph'
import { applyView, GROUP_KINDS, groupCandidates, kindOfKey, type GroupKind } from '../lib/grouping'
import { createSubagentTracker } from '../lib/subagents'
import { toggleGroup, toggleKind } from '../lib/view-state'
import type { ExecutionGraphProps } from '@/lib/execution-graph-slots'
import { GraphLegend } from './graph-legend'
import { GraphSkeleton } from './graph-skeleton'
import { GraphToolbar } from './graph-toolbar'
import { NodePanel } from './node-panel/node-panel'
import { edgeTypes, nodeTypes } from './node-types'
import { ZoomControls } from './zoom-controls'

/** Past this many nodes only those in view are rendered. */
const RENDER_VISIBLE_ONLY_FROM = 150
/** The minimap shows by default once a graph no longer fits a glance. */
const MINIMAP_FROM = 24
const PANEL_WIDTH = 512

const MINIMAP_COLOR: Record<FlowNode['state'], string> = {
  pending: 'oklch(0.72 0 0)',
  draft: 'oklch(0.72 0 0)',
  running: 'oklch(0.68 0.15 235)',
  completed: 'oklch(0.66 0.14 155)',
  failed: 'oklch(0.6 0.2 25)',
  timed_out: 'oklch(0.6 0.2 25)',
  cancelled: 'oklch(0.8 0 0)',
  skipped: 'oklch(0.8 0 0)',
}
const minimapColor = (node: FlowRFNode) => (node.data.node.kind === 'join' ? 'transparent' : MINIMAP_COLOR[node.data.node.state])

/** How often, at most, the graph takes in new states: ten times a second reads as live. */
const GRAPH_UPDATE_MS = 100

const isLive = (status: string) => status === 'queued' || status === 'running'

/**
 * The live graph of one execution: tasks and subagents laid out in a worker, states arriving over
 * the socket, a panel with the picked node's details and log, and a view (direction, colours,
 * groups, hidden completed work) kept in the URL. The default export, so pages load it lazily
 * (React Flow stays out of the first bundle).
 */
export function ExecutionGraph(props: ExecutionGraphProps) {
  return (
    <ReactFlowProvider>
      <ExecutionGraphCanvas {...props} />
    </ReactFlowProvider>
  )
}

export default ExecutionGraph

function ExecutionGraphCanvas({ execution, renderTaskLog, cancelAction, graphPath, className }: ExecutionGraphProps) {
  const live = isLive(execution.status)
  const canControl = useCan('executions:control') && isRunByBaton(execution)

  // The log, for subagents (Task calls) and the panel's tool calls and lines; read once, shared.
  const logs = useLiveLogs(execution.id)
  const [track] = useState(createSubagentTracker)
  // Hundreds of state changes a second must not rebuild the graph hundreds of times: it follows
  // the execution and its log at most every GRAPH_UPDATE_MS, always ending on the latest.
  const shownExecution = useThrottledValue(execution, GRAPH_UPDATE_MS)
  const entries = useThrottledValue(logs.entries, GRAPH_UPDATE_MS)
  const subagents = useMemo(() => track(entries), [track, entries])
  const graph = useMemo(() => executionGraph(shownExecution, subagents), [shownExecution, subagents])
  const graphById = useMemo(() => new Map(graph.nodes.map((node) => [node.id, node])), [graph])

  const [view, setView] = useViewState()
  const collapseKey = view.collapse.join('\n')
  const collapse = useMemo(() => new Set(collapseKey ? collapseKey.split('\n') : []), [collapseKey])
  const visible = useMemo(() => applyView(graph, { collapse, hideCompleted: view.hideCompleted }), [graph, collapse, view.hideCompleted])
  const layout = useGraphLayout(visible, view.direction)

  // Durations colour by "now": a coarse clock, and only while it matters.
  const clock = useNow(10_000, live && view.colorBy === 'duration')
  const paint = useMemo(() => paintNodes(visible.nodes, view.colorBy, clock), [visible.nodes, view.colorBy, clock])
  const [build] = useState(createElementsCache)
  const { nodes, edges } = useMemo(
    () => build(visible, layout, paint.accents, view.node, view.direction),
    [build, visible, layout, paint.accents, view.node, view.direction],
  )

  // A key, so the (memoised) toolbar re-renders when the kinds change, not with every new state.
  const groupKindsKey = useMemo(() => [...new Set(groupCandidates(graph).map((candidate) => candidate.kind))].sort().join(' '), [graph])
  const groupKinds = useMemo(() => {
    const kinds = new Set(groupKindsKey.split(' '))
    return GROUP_KINDS.filter((k) => kinds.has(k.kind)).map((k) => ({ kind: k.kind, collapsed: collapse.has(k.all) }))
  }, [groupKindsKey, collapse])
  const onToggleKind = useCallback(
    (kind: GroupKind, collapsed: boolean) => {
      const { all } = GROUP_KINDS.find((k) => k.kind === kind)!
      setView((v) => ({ ...v, collapse: toggleKind(v.collapse, all, `${kind}:`, collapsed) }))
    },
    [setView],
  )
  const onExpandGroup = useCallback(
    (key: string, thenSelect?: string) => {
      const kind = kindOfKey(key)
      if (!kind) return
      setView((v) => ({ ...v, collapse: toggleGroup(v.collapse, key, kind.all, false), node: thenSelect ?? null }))
    },
    [setView],
  )

  // Selection is the URL's `node`: a click or Enter on a focused node opens the panel, a click on
  // the canvas or Escape closes it.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowRFNode>[]) => {
      let next: string | null | undefined
      for (const change of changes) {
        if (change.type !== 'select') continue
        if (change.selected) next = change.id
        else if (next === undefined) next = null
      }
      if (next === undefined) return
      setView((v) => (v.node === next ? v : { ...v, node: next }))
    },
    [setView],
  )
  const select = useCallback((id: string | null) => setView((v) => ({ ...v, node: id })), [setView])

  const { container, onMoveStart, onMoveEnd, fit } = useGraphViewport(layout, view.direction, view.node, PANEL_WIDTH)

  const fitView = useCallback(() => void fit(true, true), [fit])

  const [minimapChoice, setMinimap] = useState<boolean | null>(null)
  const minimap = minimapChoice ?? visible.nodes.length >= MINIMAP_FROM
  const selected = view.node ? (visible.nodes.find((node) => node.id === view.node) ?? graphById.get(view.node) ?? null) : null
  const logState = useMemo(
    () => ({ entries: logs.entries, loading: logs.loading, error: logs.error, onRetry: logs.retry }),
    [logs.entries, logs.loading, logs.error, logs.retry],
  )

  return (
    <div ref={container} className={cn('flow-canvas relative isolate overflow-hidden rounded-xl border bg-muted/20 dark:bg-black/15', className)}>
      <ReactFlow<FlowRFNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onlyRenderVisibleElements={nodes.length > RENDER_VISIBLE_ONLY_FROM}
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        aria-label={`Graph of ${execution.name}`}
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1} className="text-border [&_circle]:fill-current" />
        <Panel position="top-left" className="!m-3">
          <GraphToolbar view={view} groupKinds={groupKinds} onChange={setView} onToggleKind={onToggleKind} />
        </Panel>
        {layout && visible.nodes.length > 0 && (
          <Panel position="bottom-left" className="!m-3">
            <GraphLegend legend={paint.legend} />
          </Panel>
        )}
        {/* Beside the panel while it is open. */}
        <Panel position="bottom-right" className={cn('!m-3', selected && '!right-[min(32rem,100%)]')}>
          <ZoomControls minimap={minimap} onMinimapChange={setMinimap} onFit={fitView} />
        </Panel>
        {minimap && !selected && (
          <MiniMap<FlowRFNode> pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap" className="!right-12 !bottom-0 !m-3" />
        )}
      </ReactFlow>
      {graph.nodes.length === 0 ? (
        <EmptyState
          className="pointer-events-none absolute inset-0 py-0"
          icon={<WorkflowIcon />}
          title="No tasks yet"
          description={live ? 'Tasks show up here as soon as the run reports them.' : 'This execution ran no tasks.'}
        />
      ) : visible.nodes.length === 0 ? (
        <EmptyState
          className="absolute inset-x-0 top-1/2 -translate-y-1/2 py-0"
          icon={<EyeOffIcon />}
          title="Everything here completed"
          description="Completed tasks are hidden."
          action={
            <Button variant="outline" size="sm" onClick={() => setView((v) => ({ ...v, hideCompleted: false }))}>
              Show completed
            </Button>
          }
        />
      ) : (
        !layout && <GraphSkeleton />
      )}
      {selected && (
        <NodePanel
          key={selected.id}
          node={selected}
          nodesById={graphById}
          execution={execution}
          logs={logState}
          live={live}
          canControl={canControl}
          renderTaskLog={renderTaskLog}
          cancelAction={cancelAction}
          graphPath={graphPath}
          onClose={() => select(null)}
          onSelect={select}
          onExpandGroup={onExpandGroup}
        />
      )}
    </div>
  )
}
