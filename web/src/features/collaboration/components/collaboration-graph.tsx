// React Flow's stylesheet comes with this (lazily loaded) page only, never with the app's shell.
import '@xyflow/react/dist/style.css'
import './collaboration-graph.css'

import { Background, BackgroundVariant, Panel, ReactFlow, useReactFlow, type EdgeTypes, type NodeTypes } from '@xyflow/react'
import { MaximizeIcon, MinusIcon, PlusIcon } from 'lucide-react'
import { useMemo, type FocusEvent, type KeyboardEvent } from 'react'
import { useNavigate } from 'react-router'

import { useTheme } from '@/app/theme-context'
import { Button } from '@/components/ui/button'

import { flowElements, NODE_HEIGHT, NODE_WIDTH } from '../lib/flow-elements'
import { highlightFor, layeringEdges, type CollaborationGraph as Graph, type Focus } from '../lib/graph'
import { layoutGraph } from '@/lib/graph-layout'
import { AgentNode } from './agent-node'
import { FocusContext } from './focus-context'
import { canvasHeight } from './graph-frame'
import { HandoffEdge } from './handoff-edge'

const nodeTypes: NodeTypes = { agent: AgentNode }
const edgeTypes: EdgeTypes = { handoff: HandoffEdge }
const FIT = { padding: 0.08, maxZoom: 1.1, duration: 200 } as const

/** Zoom and fit, in the app's own buttons (React Flow's controls do not follow the theme). */
function GraphControls() {
  const flow = useReactFlow()
  const buttons = [
    { label: 'Zoom in', icon: <PlusIcon />, run: () => void flow.zoomIn({ duration: 150 }) },
    { label: 'Zoom out', icon: <MinusIcon />, run: () => void flow.zoomOut({ duration: 150 }) },
    { label: 'Fit view', icon: <MaximizeIcon />, run: () => void flow.fitView(FIT) },
  ]
  return (
    <Panel position="top-right" className="!m-3">
      <div role="group" aria-label="Graph view" className="collab-controls flex flex-col overflow-hidden rounded-lg border bg-card shadow-xs">
        {buttons.map(({ label, icon, run }) => (
          <Button key={label} variant="ghost" size="icon-sm" aria-label={label} title={label} onClick={run}>
            {icon}
          </Button>
        ))}
      </div>
    </Panel>
  )
}

function Legend() {
  return (
    <Panel position="bottom-left" className="!m-3">
      <p className="flex items-center gap-2 rounded-md border bg-card/90 px-2.5 py-1.5 text-[11px] text-muted-foreground shadow-xs backdrop-blur">
        <svg aria-hidden width="28" height="8" viewBox="0 0 28 8" className="text-muted-foreground/70">
          <path d="M1 4 H21" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          <path d="M27 4 L20 0.5 L20 7.5 Z" fill="currentColor" />
        </svg>
        hands work to · thicker = more hand-offs
      </p>
    </Panel>
  )
}

/** The node an event happened in, by React Flow's wrapper. */
function nodeIdOf(target: EventTarget | null) {
  return target instanceof Element ? (target.closest('.react-flow__node')?.getAttribute('data-id') ?? null) : null
}

/**
 * Agents and who hands work to whom, laid out top to bottom in the order work flows. Hovering or
 * focusing an agent brightens its hand-offs and dims the rest; clicking it (or Enter) opens it.
 */
export function CollaborationGraph({
  graph,
  declaredColors,
  focus,
  onFocusChange,
}: {
  graph: Graph
  declaredColors: ReadonlyMap<string, string | null>
  focus: Focus
  onFocusChange: (focus: Focus) => void
}) {
  const navigate = useNavigate()
  const { resolvedTheme } = useTheme()
  const open = (agent: string) => void navigate(`/agents/${encodeURIComponent(agent)}`)

  // Laid out again only when the agents or the hand-offs change, never on a hover.
  const layout = useMemo(
    () =>
      layoutGraph({
        nodes: graph.agents.map((a) => ({ id: a.agent, width: NODE_WIDTH, height: NODE_HEIGHT })),
        edges: layeringEdges(graph.agents, graph.handoffs),
        direction: 'TB',
        rankGap: 76,
        nodeGap: 40,
        // Hand-offs that skip agents arc round the cards (lib/routes.ts): no lanes, straight columns.
        lanes: false,
      }),
    [graph],
  )
  const highlight = useMemo(() => highlightFor(focus, graph.handoffs), [focus, graph.handoffs])
  const { nodes, edges } = useMemo(
    () => flowElements(graph, layout.positions, declaredColors, focus, highlight),
    [graph, layout, declaredColors, focus, highlight],
  )
  // A new set of agents or hand-offs gets a fresh canvas, fitted to it.
  const structure = useMemo(
    () => `${graph.agents.map((a) => a.agent).join('\u0000')}|${graph.handoffs.map((h) => h.id).join('\u0000')}`,
    [graph],
  )

  const onFocus = (event: FocusEvent) => {
    const agent = nodeIdOf(event.target)
    if (agent) onFocusChange({ agent })
  }
  const onBlur = (event: FocusEvent) => {
    if (nodeIdOf(event.target) && !nodeIdOf(event.relatedTarget)) onFocusChange(null)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const agent = event.key === 'Enter' || event.key === ' ' ? nodeIdOf(event.target) : null
    if (!agent) return
    event.preventDefault()
    open(agent)
  }

  return (
    <FocusContext.Provider value={onFocusChange}>
      <div className="w-full" style={{ height: canvasHeight(layout.height) }} onFocus={onFocus} onBlur={onBlur} onKeyDown={onKeyDown}>
        <ReactFlow
          key={structure}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          colorMode={resolvedTheme}
          fitView
          fitViewOptions={FIT}
          minZoom={0.2}
          maxZoom={2}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          zoomOnDoubleClick={false}
          onNodeClick={(_, node) => open(node.id)}
          onNodeMouseEnter={(_, node) => onFocusChange({ agent: node.id })}
          onNodeMouseLeave={() => onFocusChange(null)}
          onEdgeMouseEnter={(_, edge) => onFocusChange({ from: edge.source, to: edge.target })}
          onEdgeMouseLeave={() => onFocusChange(null)}
          ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter to open the agent.' }}
          className="collab-canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="var(--border)" bgColor="var(--card)" />
          <GraphControls />
          <Legend />
        </ReactFlow>
      </div>
    </FocusContext.Provider>
  )
}
