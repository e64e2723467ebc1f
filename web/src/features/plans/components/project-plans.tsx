import { ListTreeIcon, PlusIcon } from 'lucide-react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { useCan } from '@/hooks/use-can'

import { usePlans } from '../api/get-plans'
import { PlanRow } from './plan-row'

/** The project's saved plans; the default one is what Start runs. A row opens the plan in the editor. */
export function ProjectPlans({ projectId }: { projectId: string }) {
  const query = usePlans(projectId)
  const canEdit = useCan('projects:write')
  const newPlan = `/projects/${projectId}/plans/new`
  const newPlanButton = canEdit && (
    <Button size="sm" variant="outline" asChild>
      <Link to={newPlan}>
        <PlusIcon />
        New plan
      </Link>
    </Button>
  )
  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex-row items-center justify-between pb-3">
        <CardTitle>Plans</CardTitle>
        {newPlanButton}
      </CardHeader>
      {query.isPending ? (
        <div className="grid gap-3 px-5 pb-5" aria-busy="true" aria-label="Loading plans">
          <Skeleton className="h-4 w-56" />
          <Skeleton className="h-4 w-40" />
        </div>
      ) : query.isError ? (
        <ErrorState title="Could not load plans" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.data.items.length === 0 ? (
        <EmptyState
          icon={<ListTreeIcon />}
          title="No plans yet"
          description={
            canEdit
              ? 'A plan lists the tasks, their agents and what depends on what. Draw one: drag agents onto a canvas and connect them.'
              : 'A plan lists the tasks, their agents and what depends on what. An operator can draw one.'
          }
          action={newPlanButton}
          className="py-10"
        />
      ) : (
        <Table aria-label="Plans">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Name</TableHead>
              <TableHead>Agents</TableHead>
              <TableHead className="text-right">Tasks</TableHead>
              <TableHead className="text-right">Stages</TableHead>
              <TableHead className="text-right">Parallel</TableHead>
              <TableHead>Updated</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.items.map((plan) => (
              <PlanRow key={plan.id} plan={plan} isDefault={plan.id === query.data.default_plan_id} />
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  )
}
