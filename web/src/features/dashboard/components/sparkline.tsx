import { useId } from 'react'

import { cn } from '@/lib/utils'

import { sparklinePaths } from '../lib/sparkline'

const WIDTH = 120
const HEIGHT = 32

/** A tiny trend line of percentages, drawn in `currentColor`; decorative (the value is said in text next to it). */
export function Sparkline({ values, className }: { values: (number | null)[]; className?: string }) {
  const gradient = useId()
  const { line, area } = sparklinePaths(values, WIDTH, HEIGHT)
  return (
    <svg
      aria-hidden
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      className={cn('h-8 w-full overflow-visible', className)}
    >
      <defs>
        <linearGradient id={gradient} x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor="currentColor" stopOpacity={0.25} />
          <stop offset="100%" stopColor="currentColor" stopOpacity={0} />
        </linearGradient>
      </defs>
      <path d={area} fill={`url(#${gradient})`} />
      <path d={line} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  )
}
