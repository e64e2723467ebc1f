import { useCallback, useState } from 'react'

import { currentCursor, cursorStackReducer, FIRST_PAGE, type CursorStack } from '@/lib/pagination'

/**
 * Cursor pagination that starts over whenever `resetKey` changes (new search or filter):
 * a cursor from another query would be meaningless.
 */
export function useCursorPagination(resetKey: string) {
  const [state, setState] = useState<{ key: string; stack: CursorStack }>({ key: resetKey, stack: FIRST_PAGE })
  const stack = state.key === resetKey ? state.stack : FIRST_PAGE

  const next = useCallback(
    (cursor: string) =>
      setState((s) => ({ key: resetKey, stack: cursorStackReducer(s.key === resetKey ? s.stack : FIRST_PAGE, { type: 'next', cursor }) })),
    [resetKey],
  )
  const previous = useCallback(
    () =>
      setState((s) => ({ key: resetKey, stack: cursorStackReducer(s.key === resetKey ? s.stack : FIRST_PAGE, { type: 'previous' }) })),
    [resetKey],
  )

  return { cursor: currentCursor(stack), pageIndex: stack.length - 1, hasPrevious: stack.length > 1, next, previous }
}
