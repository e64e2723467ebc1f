import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'

import { parseViewState, writeViewState, type ViewState } from '../lib/view-state'

/**
 * The graph's view, read from and written to the URL (replacing the history entry: toggling a
 * control is not a page to go back to). Parameters that are not the graph's are kept.
 */
export function useViewState(): [ViewState, (change: (view: ViewState) => ViewState) => void] {
  const [params, setParams] = useSearchParams()
  const view = useMemo(() => parseViewState(params), [params])
  const update = useCallback(
    (change: (view: ViewState) => ViewState) =>
      setParams((current) => writeViewState(current, change(parseViewState(current))), { replace: true }),
    [setParams],
  )
  return [view, update]
}
