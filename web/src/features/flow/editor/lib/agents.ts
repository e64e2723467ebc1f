/** An agent of the catalog, as the editor needs it: the page passes them in (GET /api/agents). */
export type AgentOption = {
  name: string
  /** As its file declares it: a colour name or `#rrggbb`. */
  color?: string | null
  description?: string | null
  category?: string | null
  model?: string | null
}

/** The drag payload of an agent dragged from the palette onto the canvas. */
export const AGENT_DRAG_TYPE = 'application/x-baton-agent'

/** Name, description and category contain every word of the query, in any case. */
export function matchesAgent(agent: AgentOption, query: string): boolean {
  const haystack = [agent.name, agent.description ?? '', agent.category ?? ''].join(' ').toLowerCase()
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}

/** The first line of a description, short enough for a list row. */
export function summary(description: string | null | undefined, max = 90): string {
  const line = (description ?? '').split('\n').find((part) => part.trim() !== '')?.trim() ?? ''
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}
