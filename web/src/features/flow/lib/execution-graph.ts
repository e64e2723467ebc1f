import type { ExecutionDetail, TaskAttempt } from '../api/types'
import { blankNode, edgeId, type EdgeKind, type FlowGraph, type FlowNode } from './graph'
import type { SubagentRun } from './subagents'

/** What the graph reads of an execution. */
export type ExecutionLike = Pick<ExecutionDetail, 'kind' | 'source' | 'plan' | 'tasks'>

type TaskInfo = { id: string; agent: string; phase: string | null; dependsOn: readonly string[]; maxAttempts?: number }

/** A task's attempts, oldest first; the last one's state is the task's. */
function attemptsByTask(attempts: readonly TaskAttempt[]): Map<string, TaskAttempt[]> {
  const byTask = new Map<string, TaskAttempt[]>()
  for (const attempt of attempts) {
    const list = byTask.get(attempt.task_id)
    if (list) list.push(attempt)
    else byTask.set(attempt.task_id, [attempt])
  }
  for (const list of byTask.values()) list.sort((a, b) => a.attempt - b.attempt)
  return byTask
}

/** A task's node: plan facts, then the latest attempt's state and times; tokens and cost of every attempt (retries cost too). */
function taskNode(id: string, kind: 'task' | 'subagent', info: Omit<TaskInfo, 'id' | 'dependsOn'>, attempts: readonly TaskAttempt[]): FlowNode {
  const node: FlowNode = { ...blankNode(id, kind, kind === 'task' ? id : info.agent), agent: info.agent, phase: info.phase }
  if (info.maxAttempts) node.maxAttempts = info.maxAttempts
  const latest = attempts[attempts.length - 1]
  if (!latest) return { ...node, taskId: id }
  let inputTokens = 0
  let outputTokens = 0
  let costUsd = 0
  for (const attempt of attempts) {
    inputTokens += attempt.input_tokens
    outputTokens += attempt.output_tokens
    costUsd += attempt.cost_usd
  }
  return {
    ...node,
    taskId: latest.task_id,
    agent: latest.agent || info.agent,
    state: latest.status,
    attempt: latest.attempt,
    attempts: attempts.length,
    startedAt: latest.started_at ?? null,
    completedAt: latest.completed_at ?? null,
    inputTokens,
    outputTokens,
    costUsd,
    error: latest.error ?? null,
  }
}

/**
 * The phase an orchestrator.sh run's task belongs to: its prompt is the phase for workspace runs
 * (the `## Task:` heading) and JSON `{"phase": …}` for notify runs.
 */
export function phaseOfPrompt(prompt: string | null | undefined): string | null {
  const value = prompt?.trim()
  if (!value) return null
  if (value.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value)
      const phase = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).phase : null
      return typeof phase === 'string' && phase.trim() ? phase.trim() : null
    } catch {
      return null
    }
  }
  // A long or multi-line prompt is an instruction, not a phase name.
  return value.includes('\n') || value.length > 120 ? null : value
}

function isOrchestrator(execution: ExecutionLike): boolean {
  return execution.kind === 'orchestrator' || execution.source === 'notify' || execution.source === 'workspace'
}

/**
 * Connects every node of `from` to every node of `to`. When both sides have more than one node
 * the edges go through one join node (n + m edges instead of n × m), which also keeps the layout
 * from drawing a thicket.
 */
function connectAll(graph: FlowGraph, from: readonly string[], to: readonly string[], joinKey: string, kind: EdgeKind) {
  if (from.length > 1 && to.length > 1) {
    const join = `join:${joinKey}`
    graph.nodes.push({ ...blankNode(join, 'join', ''), state: 'completed' })
    for (const source of from) graph.edges.push({ id: edgeId(kind, source, join), source, target: join, kind })
    for (const target of to) graph.edges.push({ id: edgeId(kind, join, target), source: join, target, kind })
    return
  }
  for (const source of from) for (const target of to) graph.edges.push({ id: edgeId(kind, source, target), source, target, kind })
}

/**
 * Dependency edges; tasks that share the same two or more dependencies (plans written as phases)
 * get them through one join node per dependency set.
 */
function addDependencies(graph: FlowGraph, tasks: readonly TaskInfo[], known: ReadonlySet<string>) {
  const bySet = new Map<string, { deps: string[]; tasks: string[] }>()
  for (const task of tasks) {
    const deps = [...new Set(task.dependsOn)].filter((dep) => known.has(dep) && dep !== task.id)
    if (deps.length === 0) continue
    const key = [...deps].sort().join('+')
    const set = bySet.get(key)
    if (set) set.tasks.push(task.id)
    else bySet.set(key, { deps, tasks: [task.id] })
  }
  for (const [key, set] of bySet) connectAll(graph, set.deps, set.tasks, key, 'dependency')
}

/** Orchestrator runs: phases in the order they first started, each depending on the one before. */
function addPhases(graph: FlowGraph, nodes: readonly FlowNode[]) {
  const phases = new Map<string, { first: number; order: number; ids: string[] }>()
  nodes.forEach((node, order) => {
    if (!node.phase) return
    const started = node.startedAt ? Date.parse(node.startedAt) : Number.POSITIVE_INFINITY
    const phase = phases.get(node.phase)
    if (phase) {
      phase.ids.push(node.id)
      phase.first = Math.min(phase.first, started)
    } else {
      phases.set(node.phase, { first: started, order, ids: [node.id] })
    }
  })
  const ordered = [...phases.entries()].sort(([, a], [, b]) => a.first - b.first || a.order - b.order)
  for (let i = 1; i < ordered.length; i++) {
    const [before, prev] = ordered[i - 1]!
    const [name, next] = ordered[i]!
    connectAll(graph, prev.ids, next.ids, `phase:${before}>${name}`, 'phase')
  }
}

/**
 * A log subagent's node id: `sub:<tool_use_id>@<task id>`. Tool call ids repeat across tasks (and
 * retries) of one run; the task keeps them apart. Attempt-based subagents are `sub:<attempt id>`.
 */
export function logSubagentNodeId(run: Pick<SubagentRun, 'id' | 'taskId'>): string {
  return `sub:${run.id}@${run.taskId ?? ''}`
}

function subagentNode(run: SubagentRun, parent: string): FlowNode {
  return {
    ...blankNode(logSubagentNodeId(run), 'subagent', run.description),
    taskId: run.taskId,
    agent: run.agent,
    state: run.state,
    attempts: 1,
    startedAt: run.startedAt,
    completedAt: run.completedAt,
    parentId: parent,
  }
}

/**
 * An execution as a graph. Plan runs: every task of the plan (pending until it starts), its
 * latest attempt's state, dependency edges. Runs without a plan are built from their attempts:
 * orchestrator.sh runs as phases in order, Claude Code sessions as the session task. Attempts
 * with a `parent_id` (a session's subagents) and subagents found in the log hang from their task.
 */
export function executionGraph(execution: ExecutionLike, subagents: readonly SubagentRun[] = []): FlowGraph {
  const byTask = attemptsByTask(execution.tasks)
  const attemptTask = new Map(execution.tasks.map((attempt) => [attempt.id, attempt.task_id]))
  const children = new Map<string, string[]>()
  const topLevel: TaskInfo[] = []

  if (execution.plan) {
    for (const task of execution.plan.tasks) {
      topLevel.push({ id: task.id, agent: task.agent, phase: task.phase ?? null, dependsOn: task.depends_on, maxAttempts: task.retries + 1 })
    }
  }
  const inPlan = new Set(topLevel.map((task) => task.id))
  for (const [taskId, attempts] of byTask) {
    if (inPlan.has(taskId)) continue
    const first = attempts[0]!
    const parentTask = first.parent_id ? attemptTask.get(first.parent_id) : undefined
    if (parentTask && parentTask !== taskId) {
      const list = children.get(parentTask)
      if (list) list.push(taskId)
      else children.set(parentTask, [taskId])
      continue
    }
    const latest = attempts[attempts.length - 1]!
    const phase = isOrchestrator(execution) ? phaseOfPrompt(first.prompt) : null
    topLevel.push({ id: taskId, agent: latest.agent, phase, dependsOn: latest.depends_on })
  }

  const graph: FlowGraph = { nodes: [], edges: [] }
  const known = new Set(topLevel.map((task) => task.id))
  const logSubagents = new Map<string, SubagentRun[]>()
  for (const run of subagents) {
    if (!run.taskId || !known.has(run.taskId)) continue
    const list = logSubagents.get(run.taskId)
    if (list) list.push(run)
    else logSubagents.set(run.taskId, [run])
  }

  // Subagents right after their task: the layout's first ordering follows the input.
  const spawned = (parent: string, child: string) =>
    graph.edges.push({ id: edgeId('spawned', parent, child), source: parent, target: child, kind: 'spawned' })
  const placed = new Set<string>()
  /** Reported subagents (attempts with a parent), nested as deep as they go; true when there were any. */
  const addReported = (taskId: string, nodeId: string): boolean => {
    const reported = (children.get(taskId) ?? []).filter((child) => !placed.has(child))
    for (const childId of reported) {
      placed.add(childId)
      const attempts = byTask.get(childId)!
      const id = `sub:${attempts[0]!.id}`
      const node = taskNode(id, 'subagent', { agent: attempts[0]!.agent, phase: null }, attempts)
      graph.nodes.push({ ...node, label: childId, parentId: nodeId })
      spawned(nodeId, id)
      addReported(childId, id)
    }
    return reported.length > 0
  }
  for (const task of topLevel) {
    placed.add(task.id)
    graph.nodes.push(taskNode(task.id, 'task', task, byTask.get(task.id) ?? []))
    // A session reports its subagents as attempts; its log's Task calls would show them twice.
    if (addReported(task.id, task.id)) continue
    for (const run of logSubagents.get(task.id) ?? []) {
      graph.nodes.push(subagentNode(run, task.id))
      spawned(task.id, logSubagentNodeId(run))
    }
  }
  // Subagents whose parents point at each other (broken reports) stand on their own.
  for (const list of children.values()) {
    for (const childId of list) {
      if (placed.has(childId)) continue
      placed.add(childId)
      const attempts = byTask.get(childId)!
      graph.nodes.push(taskNode(childId, 'task', { agent: attempts[0]!.agent, phase: null }, attempts))
      addReported(childId, childId)
    }
  }

  addDependencies(graph, topLevel, known)
  if (!execution.plan && isOrchestrator(execution)) {
    addPhases(graph, graph.nodes.filter((node) => node.kind === 'task'))
  }
  return graph
}

/**
 * The tool_use_id behind a subagent node found in the log; null for tasks and for subagents a
 * session reported as attempts (their ids have no `@`).
 */
export function logSubagentId(node: Pick<FlowNode, 'id' | 'kind'>): string | null {
  if (node.kind !== 'subagent') return null
  const at = node.id.indexOf('@')
  return at < 0 ? null : node.id.slice('sub:'.length, at)
}
