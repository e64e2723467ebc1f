import { useParams } from 'react-router'

import { useExecution } from '@/features/executions/api/get-execution'
import { ExecutionDetails } from '@/features/executions/components/execution-details'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function ExecutionRoute() {
  const { id = '' } = useParams()
  const { data } = useExecution(id)
  useDocumentTitle(data?.name ?? 'Execution')
  // Keyed by id so moving between executions (a re-run) starts with fresh filters and scroll.
  return <ExecutionDetails key={id} id={id} projectName={data?.project_name ?? undefined} />
}
