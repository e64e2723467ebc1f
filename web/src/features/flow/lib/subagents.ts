import { continuesFrom, record, text, type LogLike } from './log-metadata'

/** A subagent a Baton-run Claude task started: a `Task` (or `Agent`) tool call in its log. */
export type SubagentRun = {
  /** The tool call's `tool_use_id`. */
  id: string
  taskId: string | null
  /** `input.subagent_type`, when given. */
  agent: string | null
  description: string
  state: 'running' | 'completed' | 'failed'
  startedAt: string
  completedAt: string | null
}

/** Claude Code named the tool `Task`; newer versions call it `Agent`. */
const SUBAGENT_TOOLS = new Set(['Task', 'Agent'])

function startOf(entry: LogLike): SubagentRun | null {
  if (entry.kind !== 'tool_use') return null
  const meta = record(entry.metadata)
  const id = text(meta.tool_use_id)
  if (!id || !SUBAGENT_TOOLS.has(String(meta.tool))) return null
  const input = record(meta.input)
  return {
    id,
    taskId: entry.task_id ?? null,
    agent: text(input.subagent_type),
    description: text(input.description) ?? text(input.subagent_type) ?? 'Subagent',
    state: 'running',
    startedAt: entry.at,
    completedAt: null,
  }
}

/**
 * Follows a log as it grows and keeps its subagents: each new call scans only the entries added
 * since the last one (O(new entries)), and returns the same array while nothing changed, so
 * memoised consumers do not recompute. A log that is not a continuation is scanned from the start.
 */
export function createSubagentTracker() {
  let runs = new Map<string, SubagentRun>()
  let list: SubagentRun[] = []
  let seen = 0
  let lastSeq: number | null = null

  // Tool call ids are unique within one Claude session, not across tasks (or retries): keyed by both.
  const keyOf = (taskId: string | null, id: string) => `${taskId ?? ''}\u0000${id}`

  return function track(entries: readonly LogLike[]): SubagentRun[] {
    if (!continuesFrom(entries, seen, lastSeq)) {
      runs = new Map()
      list = []
      seen = 0
    }
    let changed = seen === 0 && list.length > 0
    for (let i = seen; i < entries.length; i++) {
      const entry = entries[i]!
      const started = startOf(entry)
      if (started) {
        const key = keyOf(started.taskId, started.id)
        if (!runs.has(key)) {
          runs.set(key, started)
          changed = true
        }
        continue
      }
      if (entry.kind !== 'tool_result') continue
      const meta = record(entry.metadata)
      const id = text(meta.tool_use_id)
      const key = id ? keyOf(entry.task_id ?? null, id) : null
      const run = key ? runs.get(key) : undefined
      if (!key || !run || run.state !== 'running') continue
      runs.set(key, { ...run, state: meta.is_error === true ? 'failed' : 'completed', completedAt: entry.at })
      changed = true
    }
    seen = entries.length
    lastSeq = entries[entries.length - 1]?.seq ?? null
    if (changed) list = [...runs.values()]
    return list
  }
}

/** Every subagent started in these log entries, in the order they started. Pure, O(n). */
export function subagentsFromLogs(entries: readonly LogLike[]): SubagentRun[] {
  return createSubagentTracker()(entries)
}
