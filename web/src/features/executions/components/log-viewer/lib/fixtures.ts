import type { LogEntry } from '../../../api/types'

/** A log entry for tests: an assistant line of task `api` unless told otherwise. */
export function logEntry(seq: number, extra: Partial<LogEntry> = {}): LogEntry {
  return {
    seq,
    at: new Date(Date.UTC(2026, 0, 1, 12, 0, 0, seq)).toISOString(),
    level: 'info',
    kind: 'assistant',
    message: `line ${seq}`,
    task_id: 'api',
    agent: 'backend-expert',
    metadata: null,
    ...extra,
  }
}
