import { hueFromName } from '@/lib/agent-color'
import { formatDuration, formatUsd } from '@/lib/metric-format'

import { NODE_STATES, type FlowNode, type NodeState } from './graph'
import type { ColorBy } from './view-state'

/**
 * Colouring the nodes by something other than their state: their agent, how long they took, what
 * they cost. Gives each node an accent colour (a CSS colour the node tints itself with; null keeps
 * the state's own look) and the legend that explains it.
 */

export type Legend =
  | { kind: 'states'; items: { state: NodeState; count: number }[] }
  | { kind: 'agents'; items: { agent: string; color: string }[] }
  | { kind: 'range'; label: string; from: string; to: string; min: string; max: string }

export type Paint = { accents: ReadonlyMap<string, string>; legend: Legend }

/** One lightness and chroma for every agent, like the rest of the app (lib/agent-color.ts). */
export function agentAccent(agent: string): string {
  return `oklch(0.7 0.12 ${hueFromName(agent)})`
}

/** A warm sequential scale: pale yellow for the quickest or cheapest, deep red for the slowest or dearest. */
export function heat(t: number): string {
  const k = Math.min(1, Math.max(0, t))
  const lightness = 0.85 - 0.25 * k
  const chroma = 0.07 + 0.13 * k
  const hue = 95 - 70 * k
  return `oklch(${lightness.toFixed(3)} ${chroma.toFixed(3)} ${hue.toFixed(1)})`
}

export function durationOf(node: Pick<FlowNode, 'startedAt' | 'completedAt'>, now: number): number | null {
  if (!node.startedAt) return null
  const from = Date.parse(node.startedAt)
  const to = node.completedAt ? Date.parse(node.completedAt) : now
  return Number.isNaN(from) || Number.isNaN(to) ? null : Math.max(0, to - from)
}

/** Values on a log scale (a 2 s task and a 20 min one both stay readable) between 0 and 1. */
function rangeAccents(nodes: readonly FlowNode[], value: (node: FlowNode) => number | null) {
  const values = new Map<string, number>()
  for (const node of nodes) {
    if (node.kind === 'join') continue
    const v = value(node)
    if (v !== null && v > 0) values.set(node.id, v)
  }
  const all = [...values.values()]
  const min = all.length ? Math.min(...all) : 0
  const max = all.length ? Math.max(...all) : 0
  const span = Math.log(max) - Math.log(min)
  const accents = new Map<string, string>()
  for (const [id, v] of values) accents.set(id, heat(span > 0 ? (Math.log(v) - Math.log(min)) / span : 1))
  return { accents, min, max }
}

export function paintNodes(nodes: readonly FlowNode[], colorBy: ColorBy, now: number): Paint {
  switch (colorBy) {
    case 'state': {
      const counts = new Map<NodeState, number>()
      for (const node of nodes) {
        if (node.kind === 'join') continue
        if (node.kind === 'group' && node.counts) {
          for (const [state, count] of Object.entries(node.counts)) counts.set(state as NodeState, (counts.get(state as NodeState) ?? 0) + count)
        } else counts.set(node.state, (counts.get(node.state) ?? 0) + 1)
      }
      const items = NODE_STATES.filter((state) => counts.has(state)).map((state) => ({ state, count: counts.get(state)! }))
      return { accents: new Map(), legend: { kind: 'states', items } }
    }
    case 'agent': {
      const accents = new Map<string, string>()
      const agents = new Map<string, string>()
      for (const node of nodes) {
        if (!node.agent || node.kind === 'join' || node.kind === 'group') continue
        const color = agentAccent(node.agent)
        accents.set(node.id, color)
        agents.set(node.agent, color)
      }
      const items = [...agents].sort(([a], [b]) => a.localeCompare(b)).map(([agent, color]) => ({ agent, color }))
      return { accents, legend: { kind: 'agents', items } }
    }
    case 'duration': {
      const { accents, min, max } = rangeAccents(nodes, (node) => durationOf(node, now))
      return { accents, legend: { kind: 'range', label: 'Duration', from: heat(0), to: heat(1), min: formatDuration(min), max: formatDuration(max) } }
    }
    case 'cost': {
      const { accents, min, max } = rangeAccents(nodes, (node) => node.costUsd)
      return { accents, legend: { kind: 'range', label: 'Cost', from: heat(0), to: heat(1), min: formatUsd(min), max: formatUsd(max) } }
    }
  }
}
