/**
 * Lays graphs out off the main thread, so a big graph never freezes the page. Answers carry the
 * request's number; the page keeps only the answer to its latest request.
 */
import { layoutGraph, type LayoutInput, type LayoutResult } from '@/lib/graph-layout'

export type LayoutRequest = { id: number; input: LayoutInput }
export type LayoutAnswer = { id: number; result: LayoutResult }

// The app is type-checked with the DOM library, not the worker one: the little of the worker's
// global scope used here, typed by hand.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null
  postMessage: (answer: LayoutAnswer) => void
}

scope.onmessage = (event) => {
  const { id, input } = event.data
  scope.postMessage({ id, result: layoutGraph(input) })
}
