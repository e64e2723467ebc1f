import '@xyflow/react/dist/style.css'

import {
  Background,
  BackgroundVariant,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react'
import { useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react'

import { useDocumentDark } from '@/components/config-editor/use-document-dark'

import { AGENT_DRAG_TYPE } from '../lib/agents'
import { flowEdges, flowNodes } from '../lib/canvas-elements'
import type { Positions, XY } from '../lib/placement'
import type { EditorEdge, EditorGraph, NodeSize } from '../lib/plan-graph'
import type { PlanProblem } from '../lib/plan-problems'
import { EditableTaskNode } from './editable-task-node'
import type { DraftTaskNode } from '../lib/task-node-data'

const nodeTypes: NodeTypes = { draftTask: EditableTaskNode }

export type CanvasView = { kind: 'fit' | 'focus'; key?: string; seq: number }

type PlanCanvasProps = {
  graph: EditorGraph
  positions: Positions
  selected: string | null
  problemsByKey: ReadonlyMap<string, PlanProblem[]>
  /** Edges drawn red: in a cycle, or named by a problem. */
  badEdges: ReadonlySet<string>
  agentColors: ReadonlyMap<string, string | null>
  readOnly: boolean
  /** Asks the canvas to fit everything, or one node, in view (a new `seq` each time). */
  view: CanvasView | null
  onMove: (positions: Positions) => void
  onSelect: (key: string | null) => void
  /** `target` would depend on `source` (node keys). Return the refusal to show, if any. */
  onConnect: (source: string, target: string) => void
  /** Told when a drag ends on a task it cannot connect to (e.g. a cycle), to explain why. */
  onConnectRefused: (source: string, target: string) => void
  canConnect: (source: string, target: string) => boolean
  onDelete: (nodeKeys: string[], edges: EditorEdge[]) => void
  onDropAgent: (agent: string, position: XY) => void
  /** Measured sizes for the layout: reported as the browser measures the nodes. */
  onMeasure: (sizes: ReadonlyMap<string, NodeSize>) => void
  /** Shown over the canvas: the toolbar (top left), a notice (top centre), a hint in the middle. */
  toolbar?: ReactNode
  notice?: ReactNode
  overlay?: ReactNode
}

/**
 * The plan as a graph you edit: drag agents in, drag from a task's bottom handle to another's top
 * to add a dependency, select and press Delete or Backspace to remove. React Flow lives only in
 * this file, loaded with the editor's page.
 */
export function PlanCanvas(props: PlanCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  )
}

function Canvas({
  graph,
  positions,
  selected,
  problemsByKey,
  badEdges,
  agentColors,
  readOnly,
  view,
  onMove,
  onSelect,
  onConnect,
  onConnectRefused,
  canConnect,
  onDelete,
  onDropAgent,
  onMeasure,
  toolbar,
  notice,
  overlay,
}: PlanCanvasProps) {
  const flow = useReactFlow()
  const dark = useDocumentDark()
  const initialized = useNodesInitialized()
  const [measured, setMeasured] = useState<ReadonlyMap<string, NodeSize>>(new Map())
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null)

  const nodes = useMemo(
    () => flowNodes({ graph, positions, selected, problemsByKey, agentColors, measured, readOnly }),
    [graph, positions, selected, problemsByKey, agentColors, measured, readOnly],
  )
  const edges = useMemo(() => flowEdges(graph, badEdges, selectedEdge), [graph, badEdges, selectedEdge])

  const onNodesChange = (changes: NodeChange<DraftTaskNode>[]) => {
    const moved: Positions = {}
    let sized: Map<string, NodeSize> | null = null
    for (const change of changes) {
      if (change.type === 'position' && change.position) moved[change.id] = change.position
      else if (change.type === 'dimensions' && change.dimensions) {
        const known = measured.get(change.id)
        if (!known || known.width !== change.dimensions.width || known.height !== change.dimensions.height) {
          sized ??= new Map(measured)
          sized.set(change.id, change.dimensions)
        }
      } else if (change.type === 'select') {
        if (change.selected) {
          onSelect(change.id)
          setSelectedEdge(null)
        } else if (change.id === selected) onSelect(null)
      }
    }
    if (Object.keys(moved).length > 0) onMove(moved)
    if (sized) {
      setMeasured(sized)
      onMeasure(sized)
    }
  }

  const onEdgesChange = (changes: EdgeChange[]) => {
    for (const change of changes) {
      if (change.type !== 'select') continue
      if (change.selected) {
        setSelectedEdge(change.id)
        onSelect(null)
      } else if (change.id === selectedEdge) setSelectedEdge(null)
    }
  }

  const connect = (connection: Connection) => onConnect(connection.source, connection.target)

  const connectEnd = (_: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (!state.fromNode || !state.toNode || state.isValid !== false || !state.fromHandle) return
    // Dragged from a top handle: the node it ended on is the dependency.
    const [source, target] = state.fromHandle.type === 'source' ? [state.fromNode.id, state.toNode.id] : [state.toNode.id, state.fromNode.id]
    onConnectRefused(source, target)
  }

  const byId = useMemo(() => new Map(graph.edges.map((edge) => [edge.id, edge])), [graph])

  const allowDrop = (event: DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes(AGENT_DRAG_TYPE)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }

  const drop = (event: DragEvent) => {
    const agent = event.dataTransfer.getData(AGENT_DRAG_TYPE)
    if (readOnly || !agent) return
    event.preventDefault()
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
    // The pointer holds the card near its top middle, as it looked while dragged.
    onDropAgent(agent, { x: Math.round(point.x - 120), y: Math.round(point.y - 24) })
  }

  // A saved plan is fitted into view once its nodes are measured. An empty canvas is not: fitting
  // to the first task dropped would move it out from under the pointer.
  const fitPending = useRef(graph.nodes.length > 0)
  useEffect(() => {
    if (!initialized || !fitPending.current) return
    fitPending.current = false
    void flow.fitView({ padding: 0.2, maxZoom: 1 })
  }, [initialized, flow])
  useEffect(() => {
    if (!view) return
    const options = view.kind === 'focus' && view.key ? { nodes: [{ id: view.key }], maxZoom: 1, padding: 0.6, duration: 250 } : { padding: 0.2, maxZoom: 1, duration: 250 }
    // After the frame that renders the new positions.
    const frame = requestAnimationFrame(() => void flow.fitView(options))
    return () => cancelAnimationFrame(frame)
  }, [view, flow])

  return (
    <div
      className="relative size-full"
      onDragOver={allowDrop}
      onDrop={drop}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && (selected !== null || selectedEdge !== null)) {
          onSelect(null)
          setSelectedEdge(null)
        }
      }}
    >
      {overlay}
      <ReactFlow<DraftTaskNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={dark ? 'dark' : 'light'}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={connect}
        onConnectEnd={connectEnd}
        isValidConnection={(connection) => canConnect(connection.source, connection.target)}
        onDelete={({ nodes: gone, edges: cut }) => {
          setSelectedEdge(null)
          onDelete(
            gone.map((node) => node.id),
            cut.map((edge) => byId.get(edge.id)).filter((edge): edge is EditorEdge => edge !== undefined),
          )
        }}
        onPaneClick={() => {
          onSelect(null)
          setSelectedEdge(null)
        }}
        deleteKeyCode={readOnly ? null : ['Backspace', 'Delete']}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        minZoom={0.2}
        maxZoom={1.75}
        proOptions={{ hideAttribution: true }}
        defaultEdgeOptions={{ type: 'default' }}
        connectionLineStyle={{ stroke: 'var(--foreground)', strokeWidth: 1.5 }}
        aria-label="Plan canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="color-mix(in oklch, var(--muted-foreground) 35%, transparent)" />
        <Controls showInteractive={false} position="bottom-right" />
        {toolbar && (
          <Panel position="top-left" className="!m-3">
            {toolbar}
          </Panel>
        )}
        {notice && (
          <Panel position="bottom-center" className="!mb-4">
            {notice}
          </Panel>
        )}
      </ReactFlow>
    </div>
  )
}
