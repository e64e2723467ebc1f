import { record, text, type LogLike } from './log-metadata'

/** One tool call of a task, from its `tool_use` entry and the `tool_result` that ended it. */
export type ToolCall = {
  id: string
  tool: string
  /** The log's one-line summary ("Bash ls", "Read src/main.rs"). */
  summary: string
  startedAt: string
  completedAt: string | null
  durationMs: number | null
  isError: boolean
  /** The subagent call this one ran inside, if any. */
  parentId: string | null
}

/** The task's tool calls in the order they started, with how long each took. O(n). */
export function toolCallsOf(entries: readonly LogLike[], taskId: string): ToolCall[] {
  const calls = new Map<string, ToolCall>()
  for (const entry of entries) {
    if (entry.task_id !== taskId) continue
    const meta = record(entry.metadata)
    const id = text(meta.tool_use_id)
    if (!id) continue
    if (entry.kind === 'tool_use' && !calls.has(id)) {
      calls.set(id, {
        id,
        tool: text(meta.tool) ?? 'tool',
        summary: entry.message,
        startedAt: entry.at,
        completedAt: null,
        durationMs: null,
        isError: false,
        parentId: text(meta.parent_tool_use_id),
      })
    } else if (entry.kind === 'tool_result') {
      const call = calls.get(id)
      if (!call || call.completedAt) continue
      const duration = Date.parse(entry.at) - Date.parse(call.startedAt)
      calls.set(id, {
        ...call,
        completedAt: entry.at,
        durationMs: Number.isFinite(duration) ? Math.max(0, duration) : null,
        isError: meta.is_error === true,
      })
    }
  }
  return [...calls.values()]
}
