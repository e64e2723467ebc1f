import { ListTreeIcon } from 'lucide-react'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { RelativeTime } from '@/components/relative-time'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'

import { usePlans } from '../api/get-plans'

/** The project's saved plans; the default one is what Start runs. */
export function ProjectPlans({ projectId }: { projectId: string }) {
  const query = usePlans(projectId)
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-3">
        <CardTitle>Plans</CardTitle>
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
          description="A plan lists the tasks, their agents and what depends on what. Add one through the API (POST /api/projects/{id}/plans) to start the project."
          className="py-10"
        />
      ) : (
        <Table aria-label="Plans">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Name</TableHead>
              <TableHead className="text-right">Tasks</TableHead>
              <TableHead className="text-right">Parallel</TableHead>
              <TableHead>Updated</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.items.map((plan) => (
              <TableRow key={plan.id}>
                <TableCell>
                  <span className="flex items-center gap-2">
                    <span className="font-medium">{plan.name}</span>
                    {plan.id === query.data.default_plan_id && <Badge variant="secondary">Default</Badge>}
                  </span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{plan.plan.tasks.length}</TableCell>
                <TableCell className="text-right text-muted-foreground tabular-nums">{plan.plan.max_parallel}</TableCell>
                <TableCell className="text-muted-foreground">
                  <RelativeTime value={plan.updated_at} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  )
}
