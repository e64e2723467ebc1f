import { useReactFlow, type Viewport } from '@xyflow/react'
import { useCallback, useEffect, useRef } from 'react'

import type { LayoutDirection, LayoutResult } from '@/lib/graph-layout'

/** How a "fit" frames the graph everywhere: a margin, and never zoomed in past 1:1. */
export const FIT_VIEW_OPTIONS = { padding: 0.12, maxZoom: 1, duration: 250 }
const MIN_ZOOM = 0.1
/**
 * The graph frames itself (on first show, as it grows) no further out than this: a huge plan
 * opens readable at its start, and the Fit button or the minimap show all of it.
 */
export const READABLE_ZOOM = 0.5

/**
 * The viewport that frames a laid-out graph in a canvas of `width` × `height`, from the layout's
 * own extent, which is exactly where the nodes are drawn. (React Flow's fitView reads the nodes'
 * measured boxes, which lag behind while nodes keep changing state, and framed live graphs off
 * centre.) Zoomed no further out than `minZoom`: a graph still too big is centred across its flow
 * and shows its start along it.
 */
export function framing(
  layout: Pick<LayoutResult, 'width' | 'height'>,
  width: number,
  height: number,
  direction: LayoutDirection,
  minZoom = MIN_ZOOM,
): Viewport {
  const { padding, maxZoom } = FIT_VIEW_OPTIONS
  const fits = Math.min(maxZoom, (width * (1 - 2 * padding)) / Math.max(1, layout.width), (height * (1 - 2 * padding)) / Math.max(1, layout.height))
  const zoom = Math.max(minZoom, fits)
  const centred = (room: number, extent: number) => (room - extent * zoom) / 2
  const start = (room: number, extent: number) => (extent * zoom <= room * (1 - 2 * padding) ? centred(room, extent) : room * padding)
  return direction === 'TB'
    ? { x: centred(width, layout.width), y: start(height, layout.height), zoom }
    : { x: start(width, layout.width), y: centred(height, layout.height), zoom }
}

export function useGraphViewport(layout: LayoutResult | null, direction: LayoutDirection, selected: string | null, panelWidth: number) {
  const flow = useReactFlow()
  const container = useRef<HTMLDivElement>(null)
  const userMoved = useRef(false)
  const fittedDirection = useRef<LayoutDirection | null>(null)

  // Moves React Flow makes itself (fitView, setCenter) come without an event; a press that does
  // not move (a click on a node) starts a "move" too, so only a changed viewport counts.
  const moveStart = useRef<Viewport | null>(null)
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
    moveStart.current = event ? viewport : null
  }, [])
  const onMoveEnd = useCallback((event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
    const start = moveStart.current
    if (event && start && (start.x !== viewport.x || start.y !== viewport.y || start.zoom !== viewport.zoom)) userMoved.current = true
    moveStart.current = null
  }, [])

  const reveal = useCallback(
    (id: string | null) => {
      const el = container.current
      const internal = id ? flow.getInternalNode(id) : undefined
      if (!el || !internal) return
      const { x, y, zoom } = flow.getViewport()
      const position = internal.internals.positionAbsolute
      // Nodes are given their size, so React Flow may not have measured them.
      const width = internal.width ?? internal.measured.width ?? 0
      const height = internal.height ?? internal.measured.height ?? 0
      const panel = Math.min(panelWidth, el.clientWidth)
      const left = position.x * zoom + x
      const top = position.y * zoom + y
      const fits = left >= 16 && left + width * zoom <= el.clientWidth - panel - 16 && top >= 16 && top + height * zoom <= el.clientHeight - 16
      if (!fits) void flow.setCenter(position.x + width / 2 + panel / 2 / zoom, position.y + height / 2, { zoom, duration: 250 })
    },
    [flow, panelWidth],
  )

  const layoutRef = useRef(layout)
  useEffect(() => {
    layoutRef.current = layout
  }, [layout])
  /** Frames the graph: all of it (the Fit button), or readably (by itself); `animate` eases there. */
  const fit = useCallback(
    (animate: boolean, whole = false) => {
      const el = container.current
      const current = layoutRef.current
      if (!el || !current) return Promise.resolve(false)
      const view = framing(current, el.clientWidth, el.clientHeight, direction, whole ? MIN_ZOOM : READABLE_ZOOM)
      return flow.setViewport(view, { duration: animate ? FIT_VIEW_OPTIONS.duration : 0 })
    },
    [flow, direction],
  )

  const selectedId = useRef(selected)
  useEffect(() => {
    selectedId.current = selected
    reveal(selected)
  }, [selected, reveal])

  useEffect(() => {
    if (!layout) return
    if (fittedDirection.current !== direction) {
      fittedDirection.current = direction
      userMoved.current = false
    } else if (userMoved.current) return
    // Next frame: React Flow takes in the new positions after this render, and fitting now would
    // frame the old ones.
    const frame = requestAnimationFrame(() => void fit(true).then(() => reveal(selectedId.current)))
    return () => cancelAnimationFrame(frame)
  }, [layout, direction, fit, reveal])

  // The canvas changing size (the page settling around it, a window resized) fits again, unless
  // the user has moved the camera.
  const hasLayout = layout !== null
  useEffect(() => {
    const el = container.current
    if (!el || !hasLayout) return
    let size = `${el.clientWidth}x${el.clientHeight}`
    const observer = new ResizeObserver(() => {
      const next = `${el.clientWidth}x${el.clientHeight}`
      if (next === size || userMoved.current) return
      size = next
      void fit(false).then(() => reveal(selectedId.current))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [hasLayout, fit, reveal])

  return { container, onMoveStart, onMoveEnd, fit }
}
