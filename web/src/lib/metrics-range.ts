import type { components } from '@/lib/api/schema.gen'

/** The windows every metrics endpoint takes (`?range=`). */
export type MetricsRange = components['schemas']['Range']

export const METRICS_RANGES = ['1h', '24h', '7d', '30d'] as const satisfies readonly MetricsRange[]

export const DEFAULT_RANGE: MetricsRange = '24h'

export const RANGE_LABELS: Record<MetricsRange, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
}

/** A range from the URL; anything else is the default. */
export function parseRange(value: string | null | undefined): MetricsRange {
  return METRICS_RANGES.find((range) => range === value) ?? DEFAULT_RANGE
}
