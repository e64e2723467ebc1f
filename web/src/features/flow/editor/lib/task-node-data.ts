import type { Node } from '@xyflow/react'

import type { PlanProblem } from './plan-problems'
import type { DraftTask } from './plan-draft'

/** What a task node on the editor's canvas shows. */
export type TaskNodeData = {
  task: DraftTask
  index: number
  /** The colour its agent's file declares, if the catalog knows it. */
  agentColor: string | null
  problems: PlanProblem[]
  readOnly: boolean
}

export type DraftTaskNode = Node<TaskNodeData, 'draftTask'>
