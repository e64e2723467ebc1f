/**
 * Series colours as CSS variables, light and dark: charts name `var(--chart-…)` and follow the
 * theme without re-rendering. Outcomes reuse the app's status colours.
 */
export const CHART_COLORS =
  '[--chart-completed:var(--success)] [--chart-failed:var(--destructive)] [--chart-interrupted:var(--warning)] ' +
  '[--chart-cancelled:oklch(0.78_0_0)] dark:[--chart-cancelled:oklch(0.48_0_0)] ' +
  '[--chart-p50:oklch(0.6_0.17_255)] dark:[--chart-p50:oklch(0.72_0.14_255)] ' +
  '[--chart-p90:oklch(0.58_0.2_300)] dark:[--chart-p90:oklch(0.72_0.16_300)] ' +
  '[--chart-p99:oklch(0.63_0.2_350)] dark:[--chart-p99:oklch(0.74_0.17_350)] ' +
  '[--chart-input:oklch(0.72_0.11_225)] dark:[--chart-input:oklch(0.62_0.12_225)] ' +
  '[--chart-output:oklch(0.52_0.17_265)] dark:[--chart-output:oklch(0.74_0.13_265)] ' +
  '[--chart-cost:oklch(0.68_0.16_60)] dark:[--chart-cost:oklch(0.8_0.15_75)]'

/** Axis and grid styling shared by every chart. */
export const AXIS_TICK = { fill: 'var(--muted-foreground)', fontSize: 11 }
export const GRID_STROKE = 'var(--border)'
