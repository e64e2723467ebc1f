import type { Positions } from './placement'

/**
 * Where someone arranged a saved plan's nodes, per browser: the server stores tasks, not their
 * places, and a plan that rearranges itself every time it opens is disorienting. A few plans'
 * worth; the oldest forgotten first.
 */
const KEY = 'baton-plan-positions'
const MAX_PLANS = 50

type Stored = Record<string, { at: number; positions: Positions }>

function read(): Stored {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}')
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Stored) : {}
  } catch {
    return {}
  }
}

export function rememberedPositions(planId: string): Positions | undefined {
  const entry = read()[planId]
  return entry && typeof entry.positions === 'object' ? entry.positions : undefined
}

export function rememberPositions(planId: string, positions: Positions) {
  const stored = read()
  stored[planId] = { at: Date.now(), positions }
  const kept = Object.entries(stored)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_PLANS)
  try {
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)))
  } catch {
    // Full or disabled storage: the plan still opens, laid out afresh.
  }
}
