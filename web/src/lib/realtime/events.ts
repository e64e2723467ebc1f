import type { components } from '@/lib/api/schema.gen'

/**
 * The socket.io contract of docs/realtime.md, as types. Shapes the generated schema does not have
 * yet (issue 5) are declared here from docs and /api shapes; switch them to the generated ones as
 * they land.
 */

type Schemas = components['schemas']

/** Every server event carries its place in the server's stream and when it was sent. */
export type Envelope = {
  /** Grows by one with every event the server sends (per `instance`). */
  seq: number
  /** RFC 3339. */
  at: string
}

/** An execution as `GET /api/executions` lists it. `project_name` is new in issue 5. */
export type LiveExecutionSummary = Schemas['ExecutionSummary']
export type LiveTaskAttempt = Schemas['TaskAttempt']
export type LiveLogEntry = Schemas['LogEntry']
export type LiveProject = Schemas['Project']

export type AgentStatus = {
  agent: string
  status: 'running' | 'idle'
  running: { execution_id: string; execution_name: string; project_id: string | null; task_id: string; started_at: string | null }[]
  last_seen: string | null
}

export type ActivityKind =
  | 'execution_started'
  | 'execution_completed'
  | 'execution_failed'
  | 'execution_cancelled'
  | 'execution_interrupted'
  | 'task_started'
  | 'task_completed'
  | 'task_failed'
  | 'task_timed_out'

export type ActivityItem = {
  id: string
  kind: ActivityKind
  at: string
  execution_id: string
  /** `plan`, `agent`, `session` or `orchestrator`. */
  execution_kind: string
  /** Who reported the execution: `baton`, `hooks`, `notify` or `workspace`. */
  execution_source: string
  execution_name: string
  project_id: string | null
  project_name: string | null
  task_id: string | null
  agent: string | null
  attempt: number | null
  message: string
}

export type NotificationItem = {
  id: string
  kind: 'execution_failed' | 'execution_completed' | 'execution_cancelled' | 'budget_exceeded' | 'task_retried' | 'agent_attention'
  title: string
  body: string
  /** An app path, e.g. `/executions/<id>`. */
  link: string
  execution_id: string | null
  project_id: string | null
  created_at: string
  read_at: string | null
}

export type SystemHealth = Schemas['SystemHealth']

type ExecutionEvent = Envelope & { execution: LiveExecutionSummary }

/** Every server → client event and its payload. */
export type ServerEvents = {
  /** On connect: `instance` changes when Baton restarts; `seq` is the last sequence number sent so far. */
  hello: { instance: string; seq: number; at?: string; user: { id: string; username: string; role: string } }
  'execution:started': ExecutionEvent
  'execution:progress': ExecutionEvent & {
    /** The attempt that changed. */
    task: LiveTaskAttempt
    /** Ids of the tasks running now. */
    running: string[]
  }
  'execution:completed': ExecutionEvent
  'execution:failed': ExecutionEvent
  /** Status `cancelled` or `interrupted`. */
  'execution:cancelled': ExecutionEvent
  /** Ascending `seq`; at most 250 entries, one frame per stream every 50 ms at most. */
  'log:entry': Envelope & { execution_id: string; entries: LiveLogEntry[] }
  'agent:status': Envelope & AgentStatus
  /** Agent definition files were added, changed (`changed`) or deleted (`removed`); issue 6. */
  'agent:catalog': Envelope & { changed: string[]; removed: string[] }
  /** An attempt that ended. */
  'agent:metrics': Envelope & {
    agent: string
    execution_id: string
    task_id: string
    status: Schemas['TaskStatus']
    duration_ms: number | null
    input_tokens: number
    output_tokens: number
    cost_usd: number
  }
  'metric:update': Envelope & { execution_id: string; metrics: { name: string; value: number; at: string }[] }
  activity: Envelope & { item: ActivityItem }
  'project:updated': Envelope & { project: LiveProject }
  'project:deleted': Envelope & { id: string }
  /** Every 5 s. */
  'system:health': Envelope & { health: SystemHealth }
  /** To the signed-in user only. */
  notification: Envelope & { notification: NotificationItem; unread: number }
  /** An MCP server's status changed (issue 8); `check` is the check that changed it. */
  'mcp:status': Envelope & {
    name: string
    project_id: string | null
    status: 'ok' | 'down' | 'unknown'
    previous: 'ok' | 'down' | 'unknown'
    check: { checked_at: string; ok: boolean; latency_ms: number; [field: string]: unknown }
  }
  /** An outbound webhook delivery was attempted; re-read the delivery log for the rest. */
  'webhook:delivery': Envelope & {
    webhook_id: string
    delivery_id: string
    event: string
    status: 'pending' | 'delivered' | 'failed' | 'dead'
    attempts: number
    status_code: number | null
  }
  /** A configuration document was saved, reverted or imported (issue 8). */
  'config:updated': Envelope & { scope: 'global' | 'project'; project_id: string | null; version: number; author: string | null }
  /** Events were dropped before this one: re-read through REST what may have been missed. */
  lagged: Envelope & { reason: string }
}

export type ServerEventName = keyof ServerEvents

export const EXECUTION_LIFECYCLE_EVENTS = [
  'execution:started',
  'execution:progress',
  'execution:completed',
  'execution:failed',
  'execution:cancelled',
] as const satisfies readonly ServerEventName[]

export type ExecutionLifecycleEvent = (typeof EXECUTION_LIFECYCLE_EVENTS)[number]

/** A room to be in. `null` (for `useSubscription`) means none. */
export type Topic =
  | { kind: 'global' }
  | { kind: 'execution'; id: string }
  | { kind: 'logs'; executionId: string; taskId?: string }
  | { kind: 'project'; id: string }
  | { kind: 'agent'; name: string }

/** The room's name: equal topics get equal keys, which is what subscriptions are counted by. */
export function topicKey(topic: Topic): string {
  switch (topic.kind) {
    case 'global':
      return 'global'
    case 'execution':
      return `execution:${topic.id}`
    case 'logs':
      return topic.taskId ? `logs:${topic.executionId}:${topic.taskId}` : `logs:${topic.executionId}`
    case 'project':
      return `project:${topic.id}`
    case 'agent':
      return `agent:${topic.name}`
  }
}

/** The client → server message that joins (or leaves) the topic's room, and its payload. */
export function topicMessage(topic: Topic, action: 'subscribe' | 'unsubscribe'): [event: string, payload: Record<string, string>] {
  switch (topic.kind) {
    case 'global':
      return [`${action}:global`, {}]
    case 'execution':
      return [`${action}:execution`, { id: topic.id }]
    case 'logs':
      return [`${action}:logs`, topic.taskId ? { execution_id: topic.executionId, task_id: topic.taskId } : { execution_id: topic.executionId }]
    case 'project':
      return [`${action}:project`, { id: topic.id }]
    case 'agent':
      return [`${action}:agent`, { name: topic.name }]
  }
}

/** What the server answers every client message with. */
export type Ack = { ok: true } | { ok: false; error: string }
