import type { LogEntry } from '../api/types'

/** What the graph reads of a log entry; tests build these without the rest. */
export type LogLike = Pick<LogEntry, 'seq' | 'at' | 'kind' | 'message'> & {
  task_id?: string | null
  metadata?: Record<string, unknown> | null
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/**
 * Entries only ever grow at the end (lib/realtime appends after the last seq it kept), so a scan
 * can go on from where it stopped while the array it saw is a prefix of the new one.
 */
export function continuesFrom(entries: readonly LogLike[], seen: number, lastSeq: number | null): boolean {
  if (seen === 0) return true
  return entries.length >= seen && entries[seen - 1]?.seq === lastSeq
}
