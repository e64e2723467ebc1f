import { lazy } from 'react'
import { useParams } from 'react-router'

import { useExecution } from '@/features/executions/api/get-execution'
import { ExecutionDetails } from '@/features/executions/components/execution-details'
import { useDocumentTitle } from '@/hooks/use-document-title'

// The Graph tab's React Flow canvas loads when the tab is first shown.
const ExecutionGraph = lazy(() => import('@/features/flow/components/execution-graph'))

export default function ExecutionRoute() {
  const { id = '' } = useParams()
  const { data } = useExecution(id)
  useDocumentTitle(data?.name ?? 'Execution')
  // Keyed by id so moving between executions (a re-run) starts with fresh filters and scroll.
  return <ExecutionDetails key={id} id={id} projectName={data?.project_name ?? undefined} Graph={ExecutionGraph} />
}
