import type { Agent, AgentDetail, AgentList, AgentsParams, AgentStatusUpdate } from '../api/types'

/** The server's order: running agents first, then by name (byte order, as the server compares). */
export function sortCatalog<T extends Pick<Agent, 'name' | 'status'>>(agents: readonly T[]): T[] {
  return [...agents].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'running' ? -1 : 1
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  })
}

function withStatus<T extends Agent>(agent: T, update: AgentStatusUpdate): T {
  return { ...agent, status: update.status, running: update.running, last_seen: update.last_seen }
}

/**
 * A cached list after an `agent:status` event: the agent's live state replaced, in the server's
 * order again, and dropped when the list is filtered to the other state. The same list when the
 * agent is not in it.
 */
export function patchAgentList(list: AgentList, update: AgentStatusUpdate, params: AgentsParams = {}): AgentList {
  if (!list.items.some((agent) => agent.name === update.agent)) return list
  const items = list.items
    .map((agent) => (agent.name === update.agent ? withStatus(agent, update) : agent))
    .filter((agent) => !params.status || agent.status === params.status)
  return { ...list, items: sortCatalog(items) }
}

/**
 * Whether a list may be missing the agent of an event (one seen for the first time, or one that
 * now matches the status filter): only the server knows, so the list is read again. Lists
 * narrowed by a search or a category cannot gain an agent by its state changing.
 */
export function listMayMissAgent(list: AgentList, update: AgentStatusUpdate, params: AgentsParams = {}): boolean {
  if (list.items.some((agent) => agent.name === update.agent)) return false
  if (params.q || params.category) return false
  return !params.status || params.status === update.status
}

/** The agent's page after an `agent:status` event about it. */
export function patchAgentDetail(detail: AgentDetail, update: AgentStatusUpdate): AgentDetail {
  return detail.name === update.agent ? withStatus(detail, update) : detail
}
