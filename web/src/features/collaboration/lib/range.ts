import type { CollaborationRange } from '../api/types'

export const COLLABORATION_RANGES = ['24h', '7d', '30d'] as const satisfies readonly CollaborationRange[]

/** The server's default too: a month of plans shows who works with whom. */
export const DEFAULT_COLLABORATION_RANGE: CollaborationRange = '30d'

export const COLLABORATION_RANGE_LABELS: Record<CollaborationRange, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
}

/** A range from the URL; anything else (including the metrics pages' `1h`) is the default. */
export function parseCollaborationRange(value: string | null | undefined): CollaborationRange {
  return COLLABORATION_RANGES.find((range) => range === value) ?? DEFAULT_COLLABORATION_RANGE
}
