import { useEffect, useRef } from 'react'
import { useBlocker } from 'react-router'

/**
 * Asks before leaving with unsaved changes: the browser's own prompt for a reload or a closed
 * tab, and a blocker the page shows a dialog for when the app navigates. `allowNext` lets one
 * navigation through (after a save, which makes the draft clean only on the next render).
 */
export function useLeaveGuard(dirty: boolean) {
  const bypass = useRef(false)
  const dirtyNow = useRef(dirty)
  useEffect(() => {
    dirtyNow.current = dirty
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (bypass.current) {
      bypass.current = false
      return false
    }
    return dirtyNow.current && currentLocation.pathname !== nextLocation.pathname
  })

  return {
    blocker,
    allowNext: () => {
      bypass.current = true
    },
  }
}
