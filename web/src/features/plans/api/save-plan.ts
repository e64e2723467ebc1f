import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getPlanQueryOptions } from './get-plan'
import { getPlansQueryOptions } from './get-plans'
import type { PlanInput } from './types'

export type SavePlan = {
  projectId: string
  /** Absent for a new plan (POST), else the plan replaced (PUT). */
  planId?: string
  input: PlanInput
  /** Make it the plan the project's Start runs. */
  makeDefault?: boolean
}

/** Creates or replaces a plan; 422 carries per-field errors (`tasks[2].depends_on`). */
export function savePlan({ projectId, planId, input, makeDefault }: SavePlan) {
  const query = makeDefault ? { default: true } : {}
  if (planId) return unwrap(api.PUT('/api/plans/{id}', { params: { path: { id: planId }, query }, body: input }))
  return unwrap(api.POST('/api/projects/{id}/plans', { params: { path: { id: projectId }, query }, body: input }))
}

export function useSavePlan() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: savePlan,
    onSuccess: (record) => {
      queryClient.setQueryData(getPlanQueryOptions(record.id).queryKey, record)
      return queryClient.invalidateQueries({ queryKey: getPlansQueryOptions(record.project_id).queryKey })
    },
  })
}
