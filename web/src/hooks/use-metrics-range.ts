import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

import { DEFAULT_RANGE, parseRange, type MetricsRange } from '@/lib/metrics-range'

/** A page's metrics range lives in the URL (?range=7d) so a view can be shared and survives reload. */
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
