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

/**
 * OKLCH hues of the colour names agent files use (Claude Code's `color:` front matter: red, blue,
 * green, yellow, purple, orange, pink, cyan) and a few more people write. Each lands on the app's
 * palette (the same lightness and chroma as every other agent), not on the raw CSS colour.
 */
const NAMED_HUES: Record<string, number> = {
  red: 25,
  rose: 10,
  orange: 50,
  amber: 70,
  yellow: 95,
  lime: 125,
  green: 150,
  emerald: 160,
  teal: 185,
  cyan: 205,
  sky: 230,
  blue: 260,
  indigo: 275,
  violet: 290,
  purple: 305,
  magenta: 325,
  fuchsia: 325,
  pink: 350,
}

/** Below this OKLCH chroma a colour is a grey: it has no hue worth keeping. */
const GREY_CHROMA = 0.03

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i

/** The OKLCH hue (0–359) of `#rgb` / `#rrggbb`, or null for a grey. See https://bottosson.github.io/posts/oklab/. */
export function hueFromHex(hex: string): number | null {
  const match = HEX.exec(hex.trim())
  if (!match) return null
  const digits = match[1]!.length === 3 ? [...match[1]!].map((d) => d + d).join('') : match[1]!
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
  const a = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s
  const bb = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s
  if (Math.hypot(a, bb) < GREY_CHROMA) return null
  return Math.round(((Math.atan2(bb, a) * 180) / Math.PI + 360) % 360) % 360
}

/**
 * The hue of the colour an agent's file declares (`green`, `Purple`, `#7c3aed`), or null when it
 * declares none, a grey, or something this app does not know (the name's own hue applies then).
 */
export function hueFromDeclaredColor(color: string | null | undefined): number | null {
  const value = color?.trim().toLowerCase()
  if (!value) return null
  if (value in NAMED_HUES) return NAMED_HUES[value]!
  return hueFromHex(value)
}

/** The agent's colour: the one its file declares, if any, else the one its name always gets. */
export function agentColor(name: string | null | undefined, declared?: string | null): AgentColor {
  if (!name) return NO_AGENT
  const hue = hueFromDeclaredColor(declared) ?? hueFromName(name)
  return { style: { '--agent-hue': hue } as CSSProperties, soft: SOFT, chip: `${SOFT} ${RING}`, dot: DOT }
}
