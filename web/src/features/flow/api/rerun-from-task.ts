import { useMutation } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'
import type { components } from '@/lib/api/schema.gen'

/**
 * The re-run body with `from_task`, which the server accepts (that task and everything that
 * depends on it) before the generated types know it: typed here, in this one place, until
 * `make api-types` regenerates them; then the intersection is a no-op.
 */
type RerunFromTaskBody = components['schemas']['Rerun'] & { from_task: string }

/** Runs one task of the execution's plan again, with everything that depends on it, as a new execution. */
export function rerunFromTask({ id, taskId }: { id: string; taskId: string }) {
  const body: RerunFromTaskBody = { from_task: taskId }
  return unwrap(api.POST('/api/executions/{id}/rerun', { params: { path: { id } }, body }))
}

/**
 * The new execution starts at once; lists learn of it from the socket (`execution:started`) and
 * its page reads it when it opens, so nothing cached needs touching here.
 */
export function useRerunFromTask() {
  return useMutation({ mutationFn: rerunFromTask })
}
