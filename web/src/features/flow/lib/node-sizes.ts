import type { FlowNodeKind } from './graph'

/**
 * The size of each kind of node: the layout plans with it and the nodes are drawn at it, so what
 * is laid out is what shows. Dense on purpose: a run of 300 tasks should fit a screen or two.
 */
export const NODE_SIZE: Record<FlowNodeKind, { width: number; height: number }> = {
  task: { width: 232, height: 74 },
  group: { width: 232, height: 74 },
  subagent: { width: 196, height: 46 },
  join: { width: 10, height: 10 },
}
