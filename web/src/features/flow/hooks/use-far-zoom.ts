import { useStore } from '@xyflow/react'

/**
 * Below this zoom a node's text is too small to read: nodes draw a plain box in their colours
 * instead (a tenth of the elements), so a whole 1,000-task graph pans and zooms smoothly.
 */
export const FAR_ZOOM = 0.45

/** True while the canvas is zoomed out past reading; nodes re-render only when that flips. */
export function useFarZoom(): boolean {
  return useStore((state) => state.transform[2] < FAR_ZOOM)
}
