/**
 * The graph every flow view draws: an execution's tasks and subagents, a plan being edited, or
 * either after grouping. Pure data; layout and React Flow come later.
 */

export type NodeState = 'pending' | 'running' | 'completed' | 'failed' | 'skipped' | 'cancelled' | 'timed_out' | 'draft'

export type FlowNodeKind = 'task' | 'subagent' | 'group' | 'join'

export type FlowNode = {
  /** Task id, or `sub:<tool_use_id|attempt id>`, `group:<key>`, `join:<key>`. */
  id: string
  kind: FlowNodeKind
  taskId: string | null
  agent: string | null
  /** Task id / subagent description / group title. */
  label: string
  state: NodeState
  /** Latest attempt number (1 when none). */
  attempt: number
  attempts: number
  /** How many attempts the plan allows (retries + 1), when known: "try 2/3". */
  maxAttempts?: number
  startedAt: string | null
  completedAt: string | null
  inputTokens: number
  outputTokens: number
  costUsd: number
  /** The node a subagent hangs from. */
  parentId: string | null
  phase: string | null
  error: string | null
  /** For groups: the ids they stand for, and their states counted. */
  members?: string[]
  counts?: Partial<Record<NodeState, number>>
}

export type EdgeKind = 'dependency' | 'spawned' | 'phase'

export type FlowEdge = { id: string; source: string; target: string; kind: EdgeKind }

export type FlowGraph = { nodes: FlowNode[]; edges: FlowEdge[] }

/** Every state, in the order legends and group counts list them (live work first). */
export const NODE_STATES: readonly NodeState[] = [
  'running',
  'pending',
  'completed',
  'failed',
  'timed_out',
  'cancelled',
  'skipped',
  'draft',
]

export const STATE_LABELS: Record<NodeState, string> = {
  pending: 'Pending',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  timed_out: 'Timed out',
  draft: 'Draft',
}

/** A node with every field at its empty value: the builders spread what they know over it. */
export function blankNode(id: string, kind: FlowNodeKind, label: string): FlowNode {
  return {
    id,
    kind,
    taskId: null,
    agent: null,
    label,
    state: 'pending',
    attempt: 1,
    attempts: 0,
    startedAt: null,
    completedAt: null,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    parentId: null,
    phase: null,
    error: null,
  }
}

export function edgeId(kind: EdgeKind, source: string, target: string): string {
  return `${kind}:${source}->${target}`
}

export function isFinished(state: NodeState): boolean {
  return state === 'completed' || state === 'failed' || state === 'skipped' || state === 'cancelled' || state === 'timed_out'
}

export function isFailure(state: NodeState): boolean {
  return state === 'failed' || state === 'timed_out'
}
