import type { AgentStatus, AgentStatusList } from '../api/types'

const timeOr = (value: string | null | undefined, fallback: number) => {
  const t = value ? Date.parse(value) : Number.NaN
  return Number.isNaN(t) ? fallback : t
}

/** When the agent's longest-going run started. */
const busySince = (agent: AgentStatus) => Math.min(...agent.running.map((r) => timeOr(r.started_at, Infinity)))

/**
 * Running agents first, longest-running first, so a card does not jump around while its agent
 * works and new work joins at the end; then idle ones, most recently seen first; then by name.
 */
export function sortAgents(agents: AgentStatus[]): AgentStatus[] {
  return [...agents].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'running' ? -1 : 1
    const order =
      a.status === 'running'
        ? busySince(a) - busySince(b)
        : timeOr(b.last_seen, -Infinity) - timeOr(a.last_seen, -Infinity)
    if (order !== 0 && !Number.isNaN(order)) return order
    return a.agent.localeCompare(b.agent)
  })
}

/** The list after an `agent:status` event: that agent's entry replaced (or added), in order again. */
export function upsertAgentStatus(list: AgentStatusList | undefined, status: AgentStatus): AgentStatusList | undefined {
  if (!list) return list
  const others = list.agents.filter((a) => a.agent !== status.agent)
  return { ...list, agents: sortAgents([...others, status]) }
}
