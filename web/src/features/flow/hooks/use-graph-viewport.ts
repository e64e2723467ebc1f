import { useReactFlow, type Viewport } from '@xyflow/react'
import { useCallback, useEffect, useRef } from 'react'

import type { LayoutDirection, LayoutResult } from '@/lib/graph-layout'

/** How a "fit" frames the graph everywhere: a margin, and never zoomed in past 1:1. */
export const FIT_VIEW_OPTIONS = { padding: 0.12, maxZoom: 1, duration: 250 }
const MIN_ZOOM = 0.1

/**
 * The viewport that frames a laid-out graph in a canvas of `width` × `height`: from the layout's
 * own extent, which is exactly where the nodes are drawn. (React Flow's fitView reads the nodes'
 * measured boxes, which lag behind while nodes keep changing state, and framed live graphs off
 * centre.)
 */
export function framing(layout: Pick<LayoutResult, 'width' | 'height'>, width: number, height: number): Viewport {
  const { padding, maxZoom } = FIT_VIEW_OPTIONS
  const zoom = Math.max(
    MIN_ZOOM,
    Math.min(maxZoom, (width * (1 - 2 * padding)) / Math.max(1, layout.width), (height * (1 - 2 * padding)) / Math.max(1, layout.height)),
  )
  return { x: (width - layout.width * zoom) / 2, y: (height - layout.height * zoom) / 2, zoom }
}

/**
 * Where the graph's camera goes by itself. The graph stays fitted as it grows (subagents appear,
 * the log arrives after the tasks) until the user pans or zooms; a new direction fits it again.
 * A picked node the panel (or the canvas's edge) hides is panned into the part left visible, at
 * the same zoom: fitting the whole graph beside the panel would make it too small to read.
 */
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
  /** Frames the whole graph; `animate` eases there. */
  const fit = useCallback(
    (animate: boolean) => {
      const el = container.current
      const current = layoutRef.current
      if (!el || !current) return Promise.resolve(false)
      return flow.setViewport(framing(current, el.clientWidth, el.clientHeight), { duration: animate ? FIT_VIEW_OPTIONS.duration : 0 })
    },
    [flow],
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
