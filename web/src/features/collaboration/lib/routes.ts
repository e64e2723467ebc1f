/**
 * How a hand-off is drawn on a top-to-bottom layout:
 * - `down`: from the bottom of the upper agent to the top of the lower one, when nothing is in between;
 * - `skip`: downwards too, but an arc out to the left, when the straight way would cross another agent
 *   (a hand-off that skips ranks);
 * - `up`: against the flow (a cycle, or two agents handing work both ways), an arc out to the right.
 */
export type Route = 'down' | 'skip' | 'up'

type Box = { x: number; y: number; width: number; height: number }

/** Room kept around cards: a line grazing a card reads as touching it. */
const MARGIN = 6

/** Whether the segment from a to b passes through the box (Liang–Barsky clipping). */
export function segmentCrossesBox(a: { x: number; y: number }, b: { x: number; y: number }, box: Box): boolean {
  const dx = b.x - a.x
  const dy = b.y - a.y
  let t0 = 0
  let t1 = 1
  const edges: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.width - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.height - a.y],
  ]
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false
      continue
    }
    const t = q / p
    if (p < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 > t1) return false
  }
  return true
}

/** The route of each hand-off, given the cards' top-left positions and their (common) size. */
export function routeHandoffs(
  handoffs: { id: string; from: string; to: string }[],
  positions: Record<string, { x: number; y: number }>,
  size: { width: number; height: number },
): Map<string, Route> {
  const boxes = Object.entries(positions).map(([id, p]) => ({
    id,
    x: p.x - MARGIN,
    y: p.y - MARGIN,
    width: size.width + 2 * MARGIN,
    height: size.height + 2 * MARGIN,
  }))
  const routes = new Map<string, Route>()
  for (const { id, from, to } of handoffs) {
    const source = positions[from]
    const target = positions[to]
    if (!source || !target || target.y <= source.y) {
      routes.set(id, 'up')
      continue
    }
    const start = { x: source.x + size.width / 2, y: source.y + size.height }
    const end = { x: target.x + size.width / 2, y: target.y }
    const blocked = boxes.some((box) => box.id !== from && box.id !== to && segmentCrossesBox(start, end, box))
    routes.set(id, blocked ? 'skip' : 'down')
  }
  return routes
}
