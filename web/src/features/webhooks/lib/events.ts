/** Events a webhook can subscribe to (the server's list); `webhook:test` always goes through. */
export const WEBHOOK_EVENTS = [
  { value: 'execution:*', label: 'Every execution event' },
  { value: 'execution:started', label: 'Execution started' },
  { value: 'execution:completed', label: 'Execution completed' },
  { value: 'execution:failed', label: 'Execution failed' },
  { value: 'execution:cancelled', label: 'Execution cancelled' },
  { value: 'project:updated', label: 'Project updated' },
  { value: 'project:deleted', label: 'Project deleted' },
  { value: 'mcp:status', label: 'MCP server status changed' },
] as const

/** An empty filter (or "*") means every event. */
export function isAllEvents(events: readonly string[]): boolean {
  return events.length === 0 || events.includes('*')
}

export function eventsSummary(events: readonly string[]): string {
  if (isAllEvents(events)) return 'All events'
  if (events.length <= 2) return events.join(', ')
  return `${events.slice(0, 2).join(', ')} +${events.length - 2}`
}

/**
 * Choices for the form: the known events, plus any filter the webhook has that the list lacks
 * (an older or hand-written one), so saving keeps it.
 */
export function eventChoices(selected: readonly string[]): { value: string; label: string }[] {
  const known: { value: string; label: string }[] = WEBHOOK_EVENTS.map((e) => ({ ...e }))
  const extra = selected.filter((value) => value !== '*' && !known.some((k) => k.value === value)).map((value) => ({ value, label: value }))
  return [...known, ...extra]
}
