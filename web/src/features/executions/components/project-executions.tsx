import { ArrowRightIcon, PlayIcon } from 'lucide-react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card, CardHeader, CardTitle } from '@/components/ui/card'

import { useRecentExecutions } from '../api/get-executions'
import { ExecutionsTable, ExecutionsTableSkeleton } from './executions-table'

/** The latest executions of one project, with a link to the full, filtered history. */
export function ProjectExecutions({ projectId }: { projectId: string }) {
  const query = useRecentExecutions(projectId)
  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex-row items-center justify-between pb-3">
        <CardTitle>Recent executions</CardTitle>
        <Button variant="ghost" size="sm" asChild className="-my-1 text-muted-foreground">
          <Link to={`/executions?project=${encodeURIComponent(projectId)}`}>
            View all
            <ArrowRightIcon />
          </Link>
        </Button>
      </CardHeader>
      {query.isPending ? (
        <ExecutionsTableSkeleton rows={3} showProject={false} />
      ) : query.isError ? (
        <ErrorState
          title="Could not load executions"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : query.data.items.length === 0 ? (
        <EmptyState
          icon={<PlayIcon />}
          title="No executions yet"
          description="Start the project's plan to run its agents; each run is listed here."
          className="py-10"
        />
      ) : (
        <ExecutionsTable executions={query.data.items} label="Recent executions" />
      )}
    </Card>
  )
}
