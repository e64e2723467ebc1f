import type { Agent, AgentOrigin, AgentScope } from '../api/types'

/** "97%", "—" when nothing ended; never "100%" while something failed, never "0%" while something succeeded. */
export function formatSuccessRate(rate: number | null | undefined): string {
  if (rate == null || !Number.isFinite(rate)) return '—'
  const clamped = Math.min(1, Math.max(0, rate))
  const percent = clamped * 100
  if (clamped < 1 && percent > 99) return '99%'
  if (clamped > 0 && percent < 1) return '<1%'
  return `${Math.round(percent)}%`
}

export type RateTone = 'good' | 'fair' | 'poor' | 'none'

/** How a success rate reads at a glance: at least 90% good, at least 70% fair, below poor. */
export function successTone(rate: number | null | undefined): RateTone {
  if (rate == null || !Number.isFinite(rate)) return 'none'
  if (rate >= 0.9) return 'good'
  if (rate >= 0.7) return 'fair'
  return 'poor'
}

const MODEL_ALIASES: Record<string, string> = { haiku: 'Haiku', sonnet: 'Sonnet', opus: 'Opus', inherit: 'Inherits model' }

/** "Sonnet", "Inherits model", a full model id as it is, or null when the file names none. */
export function formatModel(model: string | null | undefined): string | null {
  const value = model?.trim()
  if (!value) return null
  return MODEL_ALIASES[value.toLowerCase()] ?? value
}

export type ToolsSummary = { all: true } | { all: false; shown: string[]; more: number; total: number }

/** The tools a card has room for: the first `max`, and how many more; `all` when the agent may use every tool. */
export function summarizeTools(tools: readonly string[] | null | undefined, max = 3): ToolsSummary {
  if (tools == null) return { all: true }
  const shown = tools.slice(0, max)
  return { all: false, shown, more: tools.length - shown.length, total: tools.length }
}

const ORIGIN_LABELS: Record<AgentOrigin, { label: string; description: string }> = {
  file: { label: 'File', description: 'Defined by an agent file (.claude/agents).' },
  registry: { label: 'Registry', description: 'Listed in agent-registry.json.' },
  configured: { label: 'Configured', description: 'Has a configuration saved in Baton.' },
  seen: { label: 'Seen', description: 'Seen running in executions, without a definition Baton can read.' },
}

/** How people name where Baton knows an agent from; an origin from a newer server shows as it is. */
export function originLabel(origin: string): { key: string; label: string; description: string } {
  return { key: origin, ...(ORIGIN_LABELS[origin as AgentOrigin] ?? { label: origin, description: origin }) }
}

export const SCOPE_LABELS: Record<AgentScope, { label: string; description: string }> = {
  project: { label: 'Project', description: "A project's .claude/agents: wins over user and extra files." },
  user: { label: 'User', description: '~/.claude/agents: wins over extra files.' },
  extra: { label: 'Extra', description: 'A directory given with --agents-dir.' },
}

/** Where the agent comes from, in a few words: "Project file", "User file", "Registry", "Seen in runs". */
export function sourceLabel(agent: Pick<Agent, 'definition' | 'origins'>): string {
  if (agent.definition) return `${SCOPE_LABELS[agent.definition.scope]?.label ?? 'Agent'} file`
  if (agent.origins.includes('registry')) return 'Registry'
  if (agent.origins.includes('configured')) return 'Configured in Baton'
  if (agent.origins.includes('seen')) return 'Seen in runs'
  return 'Unknown source'
}

/** The last part of a path, for places without room for all of it. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path
}

/**
 * An extra front-matter value for a key/value list: scalars as text, lists of scalars joined,
 * anything else as indented JSON in a block.
 */
export function formatExtraValue(value: unknown): { text: string; block: boolean } {
  if (value === null || value === undefined) return { text: '—', block: false }
  if (typeof value === 'string') return { text: value, block: value.includes('\n') }
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), block: false }
  if (Array.isArray(value) && value.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
    return { text: value.length ? value.join(', ') : '—', block: false }
  }
  return { text: JSON.stringify(value, null, 2), block: true }
}
