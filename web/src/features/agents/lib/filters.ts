import type { AgentsParams, AgentState } from '../api/types'

/** The catalog's search and filters as the URL keeps them (?q=&category=&status=). */
export type AgentFilters = {
  q: string | null
  category: string | null
  status: AgentState | null
}

export const AGENT_STATES: readonly { value: AgentState; label: string }[] = [
  { value: 'running', label: 'Running' },
  { value: 'idle', label: 'Idle' },
]

export function isAgentState(value: string | null | undefined): value is AgentState {
  return AGENT_STATES.some((s) => s.value === value)
}

/** What the URL says; blank or unknown values are no filter. */
export function parseAgentFilters(params: URLSearchParams): AgentFilters {
  const status = params.get('status')
  return {
    q: params.get('q')?.trim() || null,
    category: params.get('category')?.trim() || null,
    status: isAgentState(status) ? status : null,
  }
}

/** The URL after some filters change: a cleared filter leaves the URL, other parameters stay. */
export function withAgentFilters(params: URLSearchParams, changes: Partial<AgentFilters>): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const [key, value] of Object.entries(changes)) {
    const text = value?.trim()
    if (text) next.set(key, text)
    else next.delete(key)
  }
  return next
}

/** The query of GET /api/agents for these filters: only what is set. */
export function toAgentsParams(filters: AgentFilters): AgentsParams {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  }
}

export function isFiltered(filters: AgentFilters): boolean {
  return Boolean(filters.q || filters.category || filters.status)
}
