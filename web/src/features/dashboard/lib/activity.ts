import type { InfiniteData } from '@tanstack/react-query'

import type { SourceFields } from '@/lib/execution-source'

import type { ActivityItem, ActivityKind, ActivityPage } from '../api/types'

export type ActivityTone = 'live' | 'success' | 'danger' | 'warning' | 'neutral'

export const ACTIVITY_KINDS: Record<ActivityKind, { label: string; tone: ActivityTone }> = {
  execution_started: { label: 'Execution started', tone: 'live' },
  execution_completed: { label: 'Execution completed', tone: 'success' },
  execution_failed: { label: 'Execution failed', tone: 'danger' },
  execution_cancelled: { label: 'Execution cancelled', tone: 'neutral' },
  execution_interrupted: { label: 'Execution interrupted', tone: 'warning' },
  task_started: { label: 'Task started', tone: 'live' },
  task_completed: { label: 'Task completed', tone: 'success' },
  task_failed: { label: 'Task failed', tone: 'danger' },
  task_timed_out: { label: 'Task timed out', tone: 'danger' },
}

/** A kind a newer server sends that this app does not know yet still shows, as neutral. */
export function activityKind(kind: string): { label: string; tone: ActivityTone } {
  return ACTIVITY_KINDS[kind as ActivityKind] ?? { label: kind.replaceAll('_', ' '), tone: 'neutral' }
}

export function isRetry(item: Pick<ActivityItem, 'kind' | 'attempt'>): boolean {
  return item.kind === 'task_started' && (item.attempt ?? 1) > 1
}

/** The pages as one list, newest first, each item once (pages asked by time may overlap at the edges). */
export function flattenActivity(data: InfiniteData<ActivityPage> | undefined): ActivityItem[] {
  if (!data) return []
  const seen = new Set<string>()
  const items: ActivityItem[] = []
  for (const page of data.pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue
      seen.add(item.id)
      items.push(item)
    }
  }
  return items
}

/**
 * The cached pages after an `activity` event: the item goes in front of the first page, unless it
 * is already there (the event raced the first fetch). Before the first fetch there is nothing to
 * add to; that fetch will include it.
 */
export function prependActivity(
  data: InfiniteData<ActivityPage> | undefined,
  item: ActivityItem,
): InfiniteData<ActivityPage> | undefined {
  if (!data || data.pages.length === 0) return data
  if (data.pages.some((page) => page.items.some((i) => i.id === item.id))) return data
  const [first, ...rest] = data.pages
  return { ...data, pages: [{ ...first, items: [item, ...first!.items] }, ...rest] }
}

/** The server's line without what the row already shows (task, agent, execution): the reason, if any. */
export function activityDetail(item: Pick<ActivityItem, 'kind' | 'message' | 'execution_name' | 'task_id' | 'agent' | 'attempt'>): string | null {
  const task = item.task_id ? (item.agent ? `${item.task_id} (${item.agent})` : item.task_id) : ''
  const execution = item.execution_name
  const said: Record<string, string> = {
    execution_started: `${execution} started`,
    execution_completed: `${execution} completed`,
    execution_failed: `${execution} failed`,
    execution_cancelled: `${execution} was cancelled`,
    execution_interrupted: `${execution} was interrupted`,
    task_started: isRetry(item) ? `${task} retried (attempt ${item.attempt}) in ${execution}` : `${task} started in ${execution}`,
    task_completed: `${task} completed in ${execution}`,
    task_failed: `${task} failed in ${execution}`,
    task_timed_out: `${task} timed out in ${execution}`,
  }
  const known = said[item.kind]
  const message = item.message.trim()
  if (!message || message === known) return null
  if (known && message.startsWith(`${known}: `)) return message.slice(known.length + 2).trim() || null
  return message
}

/** The item's execution as the source badge reads it. */
export function activitySource(item: Pick<ActivityItem, 'execution_kind' | 'execution_source'>): SourceFields {
  return { kind: item.execution_kind, source: item.execution_source }
}
