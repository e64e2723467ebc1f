/**
 * Cursor pagination state: a stack of the cursors that opened each visited page. The first page
 * has no cursor (null). "Next" pushes the server's next_cursor, "Previous" pops.
 */
export type CursorStack = readonly (string | null)[]

export const FIRST_PAGE: CursorStack = [null]

export type PaginationAction = { type: 'next'; cursor: string } | { type: 'previous' } | { type: 'reset' }

export function cursorStackReducer(stack: CursorStack, action: PaginationAction): CursorStack {
  switch (action.type) {
    case 'next':
      return stack.includes(action.cursor) ? stack : [...stack, action.cursor]
    case 'previous':
      return stack.length > 1 ? stack.slice(0, -1) : stack
    case 'reset':
      return FIRST_PAGE
  }
}

export function currentCursor(stack: CursorStack): string | null {
  return stack[stack.length - 1] ?? null
}

/**
 * The 1-based range shown on a page, for "1–50 of 120". Pages before this one were full, so the
 * first row is pageIndex * pageSize + 1. An empty page shows 0–0.
 */
export function pageRange(pageIndex: number, pageSize: number, itemsOnPage: number, total: number) {
  if (itemsOnPage === 0) return { from: 0, to: 0, total }
  const from = pageIndex * pageSize + 1
  return { from, to: from + itemsOnPage - 1, total }
}
