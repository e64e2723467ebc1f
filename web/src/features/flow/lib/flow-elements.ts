import type { Edge, Node, NodeHandle, Position } from '@xyflow/react'

import { STATE_LABELS, type EdgeKind, type FlowGraph, type FlowNode, type FlowNodeKind } from './graph'
import type { LayoutDirection, LayoutResult } from '@/lib/graph-layout'
import { NODE_SIZE } from './node-sizes'

/** What every node component gets: the node, and the colour the view tints it with. */
export type FlowNodeData = { node: FlowNode; accent: string | null }

/**
 * React Flow's node type per kind. Not "group": React Flow styles its own built-in `group` type
 * (`.react-flow__node-group`: a grey box with padding) and would draw it around ours.
 */
export const RF_NODE_TYPE = { task: 'task', subagent: 'subagent', group: 'collapsed', join: 'join' } as const satisfies Record<FlowNodeKind, string>
export type RFNodeType = (typeof RF_NODE_TYPE)[FlowNodeKind]
export type FlowRFNode = Node<FlowNodeData, RFNodeType>
export type FlowEdgeData = { kind: EdgeKind; live: boolean }
export type FlowRFEdge = Edge<FlowEdgeData, EdgeKind>

/** "Task build, agent backend, running, attempt 2": what a screen reader (and a test) hears. */
export function nodeAriaLabel(node: FlowNode): string {
  const state = STATE_LABELS[node.state].toLowerCase()
  switch (node.kind) {
    case 'task':
      return [`Task ${node.label}`, node.agent ? `agent ${node.agent}` : null, state, node.attempt > 1 ? `attempt ${node.attempt}` : null]
        .filter(Boolean)
        .join(', ')
    case 'subagent':
      return [`Subagent ${node.label}`, node.agent ? `agent ${node.agent}` : null, state].filter(Boolean).join(', ')
    case 'group': {
      const counts = Object.entries(node.counts ?? {}).map(([s, n]) => `${n} ${STATE_LABELS[s as FlowNode['state']].toLowerCase()}`)
      return `Group ${node.label}, ${node.members?.length ?? 0} nodes: ${counts.join(', ')}`
    }
    case 'join':
      return 'Join'
  }
}

/** The fields a node shows; `members` and `counts` (groups only) are compared by content. */
const SCALAR_FIELDS = [
  'kind',
  'taskId',
  'agent',
  'label',
  'state',
  'attempt',
  'attempts',
  'maxAttempts',
  'startedAt',
  'completedAt',
  'inputTokens',
  'outputTokens',
  'costUsd',
  'parentId',
  'phase',
  'error',
] as const satisfies readonly Exclude<keyof FlowNode, 'id' | 'members' | 'counts'>[]

// A field added to FlowNode and not listed above fails to compile here, rather than going stale on screen.
type Unlisted = Exclude<keyof FlowNode, 'id' | 'members' | 'counts' | (typeof SCALAR_FIELDS)[number]>
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true
void everyFieldListed

/** "build waits for plan", "plan started Review the plan": React Flow would say "Edge from a to b" with ids. */
function edgeAriaLabel(kind: EdgeKind, source: string, target: string): string {
  return kind === 'spawned' ? `${source} started ${target}` : `${target} waits for ${source}`
}

function sameNode(a: FlowNode, b: FlowNode): boolean {
  if (a === b) return true
  for (const key of SCALAR_FIELDS) if (a[key] !== b[key]) return false
  if (!a.members && !b.members && !a.counts && !b.counts) return true
  if ((a.members ?? []).join('\n') !== (b.members ?? []).join('\n')) return false
  return JSON.stringify(a.counts ?? null) === JSON.stringify(b.counts ?? null)
}

const HANDLES: Record<LayoutDirection, { source: Position; target: Position }> = {
  TB: { source: 'bottom' as Position, target: 'top' as Position },
  LR: { source: 'right' as Position, target: 'left' as Position },
}

/**
 * Where each kind of node's edges attach, declared rather than measured. React Flow forgets
 * measured handles whenever it is handed a new node object without its own `measured` field (see
 * parseHandles in @xyflow/system): every state change would hide that node's edges until the next
 * measurement. Declared handles make edges independent of the DOM.
 */
function declaredHandles(kind: FlowNodeKind, direction: LayoutDirection): NodeHandle[] {
  const { width: w, height: h } = NODE_SIZE[kind]
  const { source, target } = HANDLES[direction]
  return direction === 'TB'
    ? [
        { type: 'target', position: target, x: w / 2 - 0.5, y: 0, width: 1, height: 1 },
        { type: 'source', position: source, x: w / 2 - 0.5, y: h - 1, width: 1, height: 1 },
      ]
    : [
        { type: 'target', position: target, x: 0, y: h / 2 - 0.5, width: 1, height: 1 },
        { type: 'source', position: source, x: w - 1, y: h / 2 - 0.5, width: 1, height: 1 },
      ]
}

const KINDS: readonly FlowNodeKind[] = ['task', 'subagent', 'group', 'join']
const DECLARED_HANDLES = Object.fromEntries(
  (['TB', 'LR'] as const).map((direction) => [direction, Object.fromEntries(KINDS.map((kind) => [kind, declaredHandles(kind, direction)]))]),
) as Record<LayoutDirection, Record<FlowNodeKind, NodeHandle[]>>

/**
 * Turns the laid-out graph into React Flow's nodes and edges, handing back the very same objects
 * for what did not change. React Flow skips nodes whose object it already has, and the memoised
 * node components skip equal data: a task that starts re-renders that one node, not 300.
 * Nodes the layout has not placed yet (it is on its way) are left out until it has.
 */
export function createElementsCache() {
  let nodes = new Map<string, FlowRFNode>()
  let edges = new Map<string, FlowRFEdge>()

  return function build(
    graph: FlowGraph,
    layout: LayoutResult | null,
    accents: ReadonlyMap<string, string>,
    selected: string | null,
    direction: LayoutDirection,
  ): { nodes: FlowRFNode[]; edges: FlowRFEdge[] } {
    const nextNodes = new Map<string, FlowRFNode>()
    const handles = HANDLES[direction]
    const running = new Set<string>()
    for (const node of graph.nodes) {
      if (node.state === 'running') running.add(node.id)
      const position = layout?.positions[node.id]
      if (!position) continue
      const accent = accents.get(node.id) ?? null
      const isSelected = node.id === selected
      const previous = nodes.get(node.id)
      if (
        previous &&
        previous.position.x === position.x &&
        previous.position.y === position.y &&
        previous.selected === isSelected &&
        previous.sourcePosition === handles.source &&
        previous.data.accent === accent &&
        sameNode(previous.data.node, node)
      ) {
        nextNodes.set(node.id, previous)
        continue
      }
      const sameData = previous && previous.data.accent === accent && sameNode(previous.data.node, node)
      const interactive = node.kind !== 'join'
      nextNodes.set(node.id, {
        id: node.id,
        type: RF_NODE_TYPE[node.kind],
        position,
        data: sameData ? previous.data : { node, accent },
        ...NODE_SIZE[node.kind],
        selected: isSelected,
        selectable: interactive,
        focusable: interactive,
        draggable: false,
        connectable: false,
        ariaLabel: interactive ? nodeAriaLabel(node) : undefined,
        sourcePosition: handles.source,
        targetPosition: handles.target,
        handles: DECLARED_HANDLES[direction][node.kind],
      })
    }

    const labels = new Map(graph.nodes.map((node) => [node.id, node.kind === 'join' ? 'the tasks before' : node.label]))
    const nextEdges = new Map<string, FlowRFEdge>()
    for (const edge of graph.edges) {
      if (!nextNodes.has(edge.source) || !nextNodes.has(edge.target)) continue
      const live = running.has(edge.target)
      const previous = edges.get(edge.id)
      if (previous && previous.data?.live === live && previous.source === edge.source && previous.target === edge.target) {
        nextEdges.set(edge.id, previous)
        continue
      }
      nextEdges.set(edge.id, {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.kind,
        className: live ? `flow-edge-${edge.kind} flow-edge-live` : `flow-edge-${edge.kind}`,
        animated: live,
        data: { kind: edge.kind, live },
        selectable: false,
        focusable: false,
        ariaLabel: edgeAriaLabel(edge.kind, labels.get(edge.source) ?? edge.source, labels.get(edge.target) ?? edge.target),
      })
    }
    nodes = nextNodes
    edges = nextEdges
    return { nodes: [...nextNodes.values()], edges: [...nextEdges.values()] }
  }
}
