import type { CSSProperties } from 'react'

/**
 * A stable colour per agent: the same name always gets the same hue, in every tab and after every
 * reload, on the dashboard, in the log viewer and on the timeline, so people learn to recognise
 * `backend-expert` by its colour. FNV-1a spreads similar names (`agent-1`, `agent-2`) far apart on
 * the wheel.
 */
export function hueFromName(name: string): number {
  let hash = 0x811c9dc5
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % 360
}

/** Up to two letters: `backend-expert` → "BE", `tester` → "TE", `qa_test_engineer` → "QT". */
export function initialsFromName(name: string): string {
  const words = name.trim().split(/[\s\-_.:/]+/).filter(Boolean)
  if (words.length === 0) return '?'
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase()
  return (words[0]!.charAt(0) + words[1]!.charAt(0)).toUpperCase()
}

export type AgentColor = {
  /** Sets `--agent-hue`; put it on the element using the classes below, or on an ancestor. */
  style: CSSProperties | undefined
  /** Soft background and readable text, tuned for each theme (an avatar). */
  soft: string
  /** `soft` with a hairline ring (a chip; add `ring-1 ring-inset`). */
  chip: string
  /** A small solid mark (a dot beside a name). */
  dot: string
}

// OKLCH keeps every hue at the same perceived lightness, so no agent is harder to read than another,
// and the dark theme gets its own lightness. Whole class names, so Tailwind finds them in the source.
const SOFT =
  'bg-[oklch(0.93_0.05_var(--agent-hue))] text-[oklch(0.42_0.13_var(--agent-hue))] ' +
  'dark:bg-[oklch(0.32_0.07_var(--agent-hue))] dark:text-[oklch(0.88_0.09_var(--agent-hue))]'
const RING = 'ring-[oklch(0.7_0.12_var(--agent-hue)/0.35)]'
const DOT = 'bg-[oklch(0.7_0.12_var(--agent-hue))]'

/** A line or task without an agent: neutral, not one more colour to tell apart. */
const NO_AGENT: AgentColor = {
  style: undefined,
  soft: 'bg-muted text-muted-foreground',
  chip: 'bg-muted text-muted-foreground ring-border',
  dot: 'bg-muted-foreground/60',
}

export function agentColor(name: string | null | undefined): AgentColor {
  if (!name) return NO_AGENT
  return { style: { '--agent-hue': hueFromName(name) } as CSSProperties, soft: SOFT, chip: `${SOFT} ${RING}`, dot: DOT }
}
