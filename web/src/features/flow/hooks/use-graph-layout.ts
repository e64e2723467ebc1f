import { useEffect, useMemo, useState } from 'react'

import type { FlowGraph } from '../lib/graph'
import { layoutGraph, type LayoutDirection, type LayoutInput, type LayoutResult } from '@/lib/graph-layout'
import type { LayoutAnswer, LayoutRequest } from '../lib/layout.worker'
import { createLayoutInputMemo } from '../lib/structure'

/**
 * One layout worker per graph view. Requests are numbered; an answer to anything but the latest
 * request is dropped (the graph changed again meanwhile). Without workers (or if the worker
 * cannot start) the layout runs here instead: slower for huge graphs, never wrong.
 */
function createLayoutClient() {
  let worker: Worker | null = null
  let broken = false
  let latest = 0
  let waiting: { id: number; input: LayoutInput; resolve: (result: LayoutResult) => void } | null = null

  const start = (): Worker | null => {
    if (worker || broken || typeof Worker === 'undefined') return worker
    try {
      worker = new Worker(new URL('../lib/layout.worker.ts', import.meta.url), { type: 'module' })
    } catch {
      broken = true
      return null
    }
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      if (waiting && event.data.id === waiting.id) {
        const { resolve } = waiting
        waiting = null
        resolve(event.data.result)
      }
    }
    worker.onerror = () => {
      broken = true
      worker?.terminate()
      worker = null
      if (waiting) {
        const { input, resolve } = waiting
        waiting = null
        resolve(layoutGraph(input))
      }
    }
    return worker
  }

  return {
    layout(input: LayoutInput): Promise<LayoutResult> {
      const id = ++latest
      const target = start()
      if (!target) return Promise.resolve(layoutGraph(input))
      return new Promise((resolve) => {
        // A newer request supersedes the one still waiting: its promise never settles.
        waiting = { id, input, resolve }
        target.postMessage({ id, input } satisfies LayoutRequest)
      })
    },
    dispose() {
      worker?.terminate()
      worker = null
      waiting = null
    },
  }
}

/**
 * Lays the graph out in a worker, and again only when its structure (nodes, sizes, edges,
 * direction) changes: state changes reuse the layout they have. Until a new layout arrives the
 * previous one stays (nodes it does not place wait for the next), so the graph never blanks.
 */
export function useGraphLayout(graph: FlowGraph, direction: LayoutDirection): LayoutResult | null {
  const [client] = useState(createLayoutClient)
  const [inputFor] = useState(createLayoutInputMemo)
  const input = useMemo(() => inputFor(graph, direction), [inputFor, graph, direction])
  const [layout, setLayout] = useState<LayoutResult | null>(null)

  useEffect(() => {
    let stale = false
    void client.layout(input).then((result) => {
      if (!stale) setLayout(result)
    })
    return () => {
      stale = true
    }
  }, [client, input])

  useEffect(() => () => client.dispose(), [client])

  return layout
}
