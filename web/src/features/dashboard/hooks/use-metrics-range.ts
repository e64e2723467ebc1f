import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

import { METRICS_RANGES, type MetricsRange } from '../api/types'

export const DEFAULT_RANGE: MetricsRange = '24h'

export function parseRange(value: string | null | undefined): MetricsRange {
  return METRICS_RANGES.find((range) => range === value) ?? DEFAULT_RANGE
}

/** The charts' range lives in the URL (?range=7d) so a view can be shared and survives reload. */
export function useMetricsRange() {
  const [params, setParams] = useSearchParams()
  const range = parseRange(params.get('range'))
  const setRange = useCallback(
    (next: MetricsRange) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current)
          if (next === DEFAULT_RANGE) updated.delete('range')
          else updated.set('range', next)
          return updated
        },
        { replace: true },
      ),
    [setParams],
  )
  return { range, setRange }
}
