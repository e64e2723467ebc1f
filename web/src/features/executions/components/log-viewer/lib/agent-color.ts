/**
 * A colour per agent name, the same everywhere (log chips, timeline labels) and on every visit:
 * picked by a hash of the name, not by the order agents appear in.
 */

type AgentColor = {
  /** A chip: soft background, readable text in both themes, a hairline ring. */
  chip: string
  /** A small solid mark (a dot beside a name). */
  dot: string
}

// Whole class names, so Tailwind finds them in the source.
const PALETTE: readonly AgentColor[] = [
  { chip: 'bg-sky-500/10 text-sky-700 ring-sky-500/25 dark:text-sky-300', dot: 'bg-sky-500' },
  { chip: 'bg-violet-500/10 text-violet-700 ring-violet-500/25 dark:text-violet-300', dot: 'bg-violet-500' },
  { chip: 'bg-amber-500/10 text-amber-800 ring-amber-500/30 dark:text-amber-300', dot: 'bg-amber-500' },
  { chip: 'bg-emerald-500/10 text-emerald-700 ring-emerald-500/25 dark:text-emerald-300', dot: 'bg-emerald-500' },
  { chip: 'bg-rose-500/10 text-rose-700 ring-rose-500/25 dark:text-rose-300', dot: 'bg-rose-500' },
  { chip: 'bg-cyan-500/10 text-cyan-800 ring-cyan-500/25 dark:text-cyan-300', dot: 'bg-cyan-500' },
  { chip: 'bg-fuchsia-500/10 text-fuchsia-700 ring-fuchsia-500/25 dark:text-fuchsia-300', dot: 'bg-fuchsia-500' },
  { chip: 'bg-lime-500/10 text-lime-800 ring-lime-500/30 dark:text-lime-300', dot: 'bg-lime-500' },
  { chip: 'bg-orange-500/10 text-orange-800 ring-orange-500/25 dark:text-orange-300', dot: 'bg-orange-500' },
  { chip: 'bg-indigo-500/10 text-indigo-700 ring-indigo-500/25 dark:text-indigo-300', dot: 'bg-indigo-500' },
  { chip: 'bg-teal-500/10 text-teal-800 ring-teal-500/25 dark:text-teal-300', dot: 'bg-teal-500' },
  { chip: 'bg-pink-500/10 text-pink-700 ring-pink-500/25 dark:text-pink-300', dot: 'bg-pink-500' },
]

const NO_AGENT: AgentColor = { chip: 'bg-muted text-muted-foreground ring-border', dot: 'bg-muted-foreground/60' }

/** FNV-1a: small, fast and spreads similar names ("api-1", "api-2") apart. */
export function agentColorIndex(name: string, size = PALETTE.length): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % size
}

export function agentColor(name: string | null | undefined): AgentColor {
  if (!name) return NO_AGENT
  return PALETTE[agentColorIndex(name)] as AgentColor
}
