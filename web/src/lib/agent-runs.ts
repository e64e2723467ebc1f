/** A task an agent works on now, as every agent endpoint and `agent:status` event carry it. */
export type AgentRun = {
  execution_id: string
  execution_name: string
  project_id?: string | null
  task_id: string
  started_at?: string | null
}

/** An agent's live state: working or idle, on what, and when it was last seen. */
export type AgentLiveState = {
  status: string
  running: readonly AgentRun[]
  last_seen?: string | null
}

const startOf = (run: AgentRun) => {
  const t = run.started_at ? Date.parse(run.started_at) : Number.NaN
  return Number.isNaN(t) ? Infinity : t
}

/** The run a card shows first: the one that started earliest (it has been going longest). */
export function primaryRun(agent: Pick<AgentLiveState, 'running'>): AgentRun | undefined {
  return [...agent.running].sort((a, b) => startOf(a) - startOf(b))[0]
}

/** Running means working on something now: a `running` status with no run is shown as idle. */
export function isRunning(agent: AgentLiveState): boolean {
  return agent.status === 'running' && agent.running.length > 0
}
