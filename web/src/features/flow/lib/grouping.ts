import { blankNode, edgeId, NODE_STATES, type FlowEdge, type FlowGraph, type FlowNode, type NodeState } from './graph'

/**
 * Collapsing parts of a graph into group nodes, and hiding finished work: what makes a run of
 * hundreds of tasks readable. Three kinds of group:
 *
 * - a phase (`phase:<name>`): the tasks of a plan written as phases, or of an orchestrator.sh phase;
 * - subagents (`subagents:<node id>`): the subagents one task started;
 * - siblings (`siblings:<dependencies>`): tasks that wait for exactly the same tasks (a fan-out).
 *
 * The URL keeps which are collapsed as keys; `phases`, `subagents` and `siblings` stand for every
 * group of that kind, and `!<key>` keeps one open while its kind is collapsed.
 */

export type GroupKind = 'phase' | 'subagents' | 'siblings'

export type GroupCandidate = { key: string; kind: GroupKind; title: string; members: string[] }

export const GROUP_KINDS: readonly { kind: GroupKind; all: string; label: string }[] = [
  { kind: 'phase', all: 'phases', label: 'Phases' },
  { kind: 'subagents', all: 'subagents', label: 'Subagents' },
  { kind: 'siblings', all: 'siblings', label: 'Parallel tasks' },
]

/** The kind of a group key ("phase:Build" → phase), with the key that stands for all of that kind. */
export function kindOfKey(key: string): { kind: GroupKind; all: string; prefix: string } | null {
  const kind = GROUP_KINDS.find((k) => key.startsWith(`${k.kind}:`))
  return kind ? { kind: kind.kind, all: kind.all, prefix: `${kind.kind}:` } : null
}

/** A group collapses when its key or its kind's "all" key is set, unless it is kept open. */
export function isCollapsed(candidate: Pick<GroupCandidate, 'key' | 'kind'>, collapse: ReadonlySet<string>): boolean {
  if (collapse.has(`!${candidate.key}`)) return false
  const all = GROUP_KINDS.find((kind) => kind.kind === candidate.kind)!.all
  return collapse.has(candidate.key) || collapse.has(all)
}

function spawnedChildren(graph: FlowGraph): Map<string, string[]> {
  const children = new Map<string, string[]>()
  for (const edge of graph.edges) {
    if (edge.kind !== 'spawned') continue
    const list = children.get(edge.source)
    if (list) list.push(edge.target)
    else children.set(edge.source, [edge.target])
  }
  return children
}

/** The nodes under each node through `spawned` edges (subagents, and theirs). */
function descendantsBySpawn(children: ReadonlyMap<string, string[]>): Map<string, string[]> {
  const all = new Map<string, string[]>()
  const collect = (id: string, seen: Set<string>): string[] => {
    const out: string[] = []
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue
      seen.add(child)
      out.push(child, ...collect(child, seen))
    }
    return out
  }
  for (const id of children.keys()) all.set(id, collect(id, new Set([id])))
  return all
}

/** Every group this graph offers, in graph order. */
export function groupCandidates(graph: FlowGraph): GroupCandidate[] {
  const children = spawnedChildren(graph)
  const below = descendantsBySpawn(children)
  const withBelow = (ids: string[]) => ids.flatMap((id) => [id, ...(below.get(id) ?? [])])
  const candidates: GroupCandidate[] = []

  const phases = new Map<string, string[]>()
  for (const node of graph.nodes) {
    if (node.kind !== 'task' || !node.phase) continue
    const list = phases.get(node.phase)
    if (list) list.push(node.id)
    else phases.set(node.phase, [node.id])
  }
  for (const [phase, ids] of phases) {
    if (ids.length >= 2) candidates.push({ key: `phase:${phase}`, kind: 'phase', title: phase, members: withBelow(ids) })
  }

  // Tasks outside phases that wait for the same tasks (directly or through one join node).
  const byNode = new Map(graph.nodes.map((node) => [node.id, node]))
  const deps = new Map<string, string[]>()
  for (const edge of graph.edges) {
    if (edge.kind === 'spawned') continue
    const list = deps.get(edge.target)
    if (list) list.push(edge.source)
    else deps.set(edge.target, [edge.source])
  }
  const siblings = new Map<string, string[]>()
  for (const node of graph.nodes) {
    if (node.kind !== 'task' || node.phase) continue
    const sources = deps.get(node.id)
    if (!sources?.length) continue
    const key = [...sources].sort().join('+')
    const list = siblings.get(key)
    if (list) list.push(node.id)
    else siblings.set(key, [node.id])
  }
  for (const [key, ids] of siblings) {
    if (ids.length < 2) continue
    const after = key
      .split('+')
      .map((id) => (byNode.get(id)?.kind === 'join' ? 'the tasks before' : id))
      .filter((label, i, all) => all.indexOf(label) === i)
      .join(', ')
    candidates.push({ key: `siblings:${key}`, kind: 'siblings', title: `After ${after}`, members: withBelow(ids) })
  }

  for (const node of graph.nodes) {
    const spawned = children.get(node.id) ?? []
    if (spawned.length < 2) continue
    candidates.push({ key: `subagents:${node.id}`, kind: 'subagents', title: `Subagents of ${node.label}`, members: withBelow(spawned) })
  }
  return candidates
}

/** The state a group shows: live work first, then trouble, then what is left to do. */
const GROUP_STATE_ORDER: readonly NodeState[] = ['running', 'failed', 'timed_out', 'pending', 'draft', 'cancelled', 'skipped', 'completed']

function groupNode(candidate: GroupCandidate, members: readonly FlowNode[]): FlowNode {
  const counts: Partial<Record<NodeState, number>> = {}
  let inputTokens = 0
  let outputTokens = 0
  let costUsd = 0
  let startedAt: string | null = null
  let completedAt: string | null = null
  let allEnded = true
  for (const member of members) {
    counts[member.state] = (counts[member.state] ?? 0) + 1
    inputTokens += member.inputTokens
    outputTokens += member.outputTokens
    costUsd += member.costUsd
    if (member.startedAt && (!startedAt || member.startedAt < startedAt)) startedAt = member.startedAt
    if (!member.completedAt) allEnded = false
    else if (!completedAt || member.completedAt > completedAt) completedAt = member.completedAt
  }
  const state = GROUP_STATE_ORDER.find((s) => counts[s]) ?? 'pending'
  const ordered: Partial<Record<NodeState, number>> = {}
  for (const s of NODE_STATES) if (counts[s]) ordered[s] = counts[s]
  return {
    ...blankNode(`group:${candidate.key}`, 'group', candidate.title),
    state,
    attempts: members.length,
    inputTokens,
    outputTokens,
    costUsd,
    startedAt,
    completedAt: allEnded ? completedAt : null,
    phase: candidate.kind === 'phase' ? candidate.title : null,
    members: members.map((member) => member.id),
    counts: ordered,
  }
}

/** Joins left with one side of one node (or none) only add a bend: connect through them. */
function dissolveTrivialJoins(nodes: FlowNode[], edges: FlowEdge[]): FlowGraph {
  let current = edges
  const kept: FlowNode[] = []
  for (const node of nodes) {
    if (node.kind !== 'join') {
      kept.push(node)
      continue
    }
    const incoming = current.filter((edge) => edge.target === node.id)
    const outgoing = current.filter((edge) => edge.source === node.id)
    if (incoming.length > 1 && outgoing.length > 1) {
      kept.push(node)
      continue
    }
    const rest = current.filter((edge) => edge.source !== node.id && edge.target !== node.id)
    for (const into of incoming) {
      for (const out of outgoing) {
        if (into.source !== out.target) rest.push({ id: edgeId(out.kind, into.source, out.target), source: into.source, target: out.target, kind: out.kind })
      }
    }
    current = rest
  }
  return { nodes: kept, edges: dedupeEdges(current) }
}

function dedupeEdges(edges: readonly FlowEdge[]): FlowEdge[] {
  const seen = new Set<string>()
  return edges.filter((edge) => {
    const key = `${edge.source}>${edge.target}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export type ViewOptions = { collapse: ReadonlySet<string>; hideCompleted: boolean }

/**
 * The graph as the view shows it: collapsed groups stand in for their members (edges follow them,
 * edges inside a group go), completed nodes hidden on request, and joins that no longer join
 * anything dissolved. Returns the input itself when there is nothing to change.
 */
export function applyView(graph: FlowGraph, options: ViewOptions): FlowGraph {
  const collapsing = options.collapse.size > 0 ? groupCandidates(graph).filter((c) => isCollapsed(c, options.collapse)) : []
  if (collapsing.length === 0 && !options.hideCompleted) return graph

  const byId = new Map(graph.nodes.map((node) => [node.id, node]))
  const standIn = new Map<string, string>()
  const groups = new Map<string, FlowNode>()
  // Phases first, then sibling sets, then subagents: a node already in a group stays in it.
  for (const candidate of collapsing) {
    const members = candidate.members.filter((id) => !standIn.has(id) && byId.has(id))
    if (members.length < 2) continue
    const group = groupNode(candidate, members.map((id) => byId.get(id)!))
    groups.set(members[0]!, group)
    for (const id of members) standIn.set(id, group.id)
  }

  const nodes: FlowNode[] = []
  for (const node of graph.nodes) {
    const group = groups.get(node.id)
    const shown = group ?? (standIn.has(node.id) ? null : node)
    if (!shown) continue
    if (options.hideCompleted && shown.state === 'completed' && shown.kind !== 'join') continue
    nodes.push(shown)
  }
  const present = new Set(nodes.map((node) => node.id))
  const edges: FlowEdge[] = []
  for (const edge of graph.edges) {
    const source = standIn.get(edge.source) ?? edge.source
    const target = standIn.get(edge.target) ?? edge.target
    if (source === target || !present.has(source) || !present.has(target)) continue
    edges.push(source === edge.source && target === edge.target ? edge : { id: edgeId(edge.kind, source, target), source, target, kind: edge.kind })
  }
  return dissolveTrivialJoins(nodes, dedupeEdges(edges))
}
