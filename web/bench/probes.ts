// What the flow benchmarks read inside the page: when the graph area and its first node appeared,
// every main-thread task over 50 ms (the Long Tasks API), and frame times from requestAnimationFrame.
import type { Page } from '@playwright/test'

export type Probes = {
  /** ms after navigation start. */
  graphAt: number | null
  nodeAt: number | null
  /** Durations (ms) of long tasks since the page loaded or since `startFrames`. */
  longTasks: number[]
  /** Frame intervals (ms) since `startFrames`. */
  frames: number[]
}

declare global {
  interface Window {
    __flowProbes?: Probes & { startFrames: () => void }
  }
}

export async function installProbes(page: Page, graph: string, node: string) {
  await page.addInitScript(
    ({ graph, node }) => {
      const probes: Probes & { startFrames: () => void } = {
        graphAt: null,
        nodeAt: null,
        longTasks: [],
        frames: [],
        startFrames() {
          probes.frames = []
          probes.longTasks = []
          let last = performance.now()
          const tick = (now: number) => {
            probes.frames.push(now - last)
            last = now
            requestAnimationFrame(tick)
          }
          requestAnimationFrame(tick)
        },
      }
      window.__flowProbes = probes
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probes.longTasks.push(entry.duration)
      }).observe({ type: 'longtask', buffered: true })
      const watch = new MutationObserver(() => {
        if (probes.graphAt === null && document.querySelector(graph)) probes.graphAt = performance.now()
        if (probes.nodeAt === null && document.querySelector(node)) {
          probes.nodeAt = performance.now()
          watch.disconnect()
        }
      })
      document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }))
    },
    { graph, node },
  )
}

export async function readProbes(page: Page): Promise<Probes> {
  return page.evaluate(() => {
    const { graphAt, nodeAt, longTasks, frames } = window.__flowProbes!
    return { graphAt, nodeAt, longTasks: [...longTasks], frames: [...frames] }
  })
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Frame-time percentiles, frames over 50 ms, and the longest task, labelled with `what`. */
export function summarize(what: string, probes: Probes): Record<string, string> {
  const frames = [...probes.frames].sort((a, b) => a - b)
  const longest = probes.longTasks.reduce((max, task) => Math.max(max, task), 0)
  return {
    [`${what}: frames`]: `${frames.length}`,
    [`${what}: frame time p50 / p95 / max (ms)`]: `${percentile(frames, 50).toFixed(1)} / ${percentile(frames, 95).toFixed(1)} / ${(frames.at(-1) ?? 0).toFixed(1)}`,
    [`${what}: frames over 50 ms`]: `${frames.filter((f) => f > 50).length}`,
    [`${what}: long tasks, longest (ms)`]: `${probes.longTasks.length}, ${longest.toFixed(0)}`,
  }
}
