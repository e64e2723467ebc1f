/**
 * The SVG path of a sparkline through `values` (0–100 percentages), in a `width` × `height` box
 * with 0 at the bottom. Unknown values break the line. Returns the line and the area under it.
 */
export function sparklinePaths(values: (number | null)[], width: number, height: number, max = 100): { line: string; area: string } {
  if (values.length === 0) return { line: '', area: '' }
  const step = values.length > 1 ? width / (values.length - 1) : 0
  const y = (v: number) => {
    const clamped = Math.min(max, Math.max(0, v))
    // Keep a hair of room so a flat 0% or 100% line is not cut by the box.
    return round(height - 1 - (clamped / max) * (height - 2))
  }
  const segments: { x: number; y: number }[][] = []
  let current: { x: number; y: number }[] = []
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length) segments.push(current)
      current = []
      return
    }
    current.push({ x: round(i * step), y: y(v) })
  })
  if (current.length) segments.push(current)

  const line = segments
    .map((points) => {
      // A single point gets a short dash so it shows.
      const pts = points.length === 1 ? [points[0]!, { x: round(points[0]!.x + Math.max(1, step / 3)), y: points[0]!.y }] : points
      return pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')
    })
    .join(' ')
  const area = segments
    .filter((points) => points.length > 1)
    .map((points) => `M${points[0]!.x} ${height} ${points.map((p) => `L${p.x} ${p.y}`).join(' ')} L${points.at(-1)!.x} ${height} Z`)
    .join(' ')
  return { line, area }
}

const round = (n: number) => Math.round(n * 100) / 100
