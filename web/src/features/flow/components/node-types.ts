import type { EdgeTypes, NodeTypes } from '@xyflow/react'

import type { RFNodeType } from '../lib/flow-elements'
import { FlowEdge } from './flow-edge'
import { GroupNode } from './group-node'
import { JoinNode } from './join-node'
import { SubagentNode } from './subagent-node'
import { TaskNode } from './task-node'

/**
 * Module constants: React Flow re-creates every node when these objects change identity, so they
 * must never be built inside a component.
 */
export const nodeTypes = { task: TaskNode, subagent: SubagentNode, collapsed: GroupNode, join: JoinNode } satisfies Record<RFNodeType, unknown> & NodeTypes

export const edgeTypes = { dependency: FlowEdge, spawned: FlowEdge, phase: FlowEdge } satisfies EdgeTypes
