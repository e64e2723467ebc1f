import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'

import type { CollaborationParams, CollaborationRange } from '../api/types'
import { DEFAULT_COLLABORATION_RANGE, parseCollaborationRange } from '../lib/range'

/** The range and project live in the URL (?range=30d&project=<id>), so a view can be shared and survives reload. */
export function useCollaborationFilters() {
  const [params, setParams] = useSearchParams()
  const range = parseCollaborationRange(params.get('range'))
  const project = params.get('project') || null

  const update = useCallback(
    (key: 'range' | 'project', value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          if (value) next.set(key, value)
          else next.delete(key)
          return next
        },
        { replace: true },
      ),
    [setParams],
  )
  const setRange = useCallback(
    (value: CollaborationRange) => update('range', value === DEFAULT_COLLABORATION_RANGE ? null : value),
    [update],
  )
  const setProject = useCallback((value: string | null) => update('project', value), [update])

  const queryParams: CollaborationParams = useMemo(() => (project ? { range, project_id: project } : { range }), [range, project])
  return { range, project, setRange, setProject, queryParams }
}
