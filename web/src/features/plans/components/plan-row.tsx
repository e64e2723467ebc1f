import { Link, useNavigate } from 'react-router'

import { RelativeTime } from '@/components/relative-time'
import { Badge } from '@/components/ui/badge'
import { TableCell, TableRow } from '@/components/ui/table'

import type { PlanRecord } from '../api/types'
import { planShape } from '../lib/plan-shape'
import { PlanAgents } from './plan-agents'
import { PlanRowActions } from './plan-row-actions'

/** One saved plan; the row (or its name, for the keyboard) opens it in the editor. */
export function PlanRow({ plan, isDefault }: { plan: PlanRecord; isDefault: boolean }) {
  const navigate = useNavigate()
  const shape = planShape(plan.plan.tasks)
  return (
    <TableRow className="cursor-pointer" onClick={() => void navigate(`/plans/${plan.id}`)}>
      <TableCell>
        <span className="flex items-center gap-2">
          <Link
            to={`/plans/${plan.id}`}
            className="rounded-sm font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
            onClick={(event) => event.stopPropagation()}
          >
            {plan.name}
          </Link>
          {isDefault && <Badge variant="secondary">Default</Badge>}
        </span>
      </TableCell>
      <TableCell>
        <PlanAgents agents={shape.agents} />
      </TableCell>
      <TableCell className="text-right tabular-nums">{plan.plan.tasks.length}</TableCell>
      <TableCell className="text-right text-muted-foreground tabular-nums">{shape.stages}</TableCell>
      <TableCell className="text-right text-muted-foreground tabular-nums">{plan.plan.max_parallel}</TableCell>
      <TableCell className="text-muted-foreground">
        <RelativeTime value={plan.updated_at} />
      </TableCell>
      <TableCell className="w-0 text-right" onClick={(event) => event.stopPropagation()}>
        <PlanRowActions projectId={plan.project_id} planId={plan.id} planName={plan.name} />
      </TableCell>
    </TableRow>
  )
}
