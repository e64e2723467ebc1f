/** One check, oldest first: a value to plot, or `null` for a point to mark (a failure) instead. */
export type SparkPoint = { value: number | null; label: string }

export type SparkGeometry = {
  /** SVG path data; the line breaks at marked points. */
  path: string
  /** Where each point sits horizontally, and vertically when it has a value. */
  points: { x: number; y: number | null; label: string }[]
}

/**
 * Lays points out on a `width` × `height` box with `pad` pixels around: evenly spaced, values
 * scaled from 0 to the largest value (so a flat line of equal values sits at the top, not
 * jumping around the middle).
 */
export function sparkGeometry(data: readonly SparkPoint[], width: number, height: number, pad = 2): SparkGeometry {
  const max = Math.max(1, ...data.map((d) => d.value ?? 0))
  const innerW = width - 2 * pad
  const innerH = height - 2 * pad
  const step = data.length > 1 ? innerW / (data.length - 1) : 0
  const round = (n: number) => Math.round(n * 10) / 10
  const points = data.map((d, i) => ({
    x: round(data.length > 1 ? pad + i * step : width / 2),
    y: d.value === null ? null : round(pad + innerH - (d.value / max) * innerH),
    label: d.label,
  }))
  let path = ''
  let drawing = false
  for (const point of points) {
    if (point.y === null) {
      drawing = false
      continue
    }
    path += `${path === '' ? '' : ' '}${drawing ? 'L' : 'M'}${point.x} ${point.y}`
    drawing = true
  }
  return { path, points }
}
