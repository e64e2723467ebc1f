import { createContext, useContext } from 'react'

import type { Focus } from '../lib/graph'

/** Lets an edge's label (rendered by React Flow, out of the graph's props) brighten its hand-off. */
export const FocusContext = createContext<(focus: Focus) => void>(() => {})

export function useSetFocus() {
  return useContext(FocusContext)
}
