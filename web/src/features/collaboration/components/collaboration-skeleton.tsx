import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'

import { SKELETON_HEIGHT } from './graph-frame'

// Three rows of cards, like a small team's graph, so the page does not jump when it arrives.
const ROWS = [[1], [0, 2], [1]]

export function CollaborationSkeleton() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading collaboration">
      <Card className="items-center justify-center overflow-hidden" style={{ height: SKELETON_HEIGHT }}>
        <div className="grid gap-8">
          {ROWS.map((columns, i) => (
            <div key={i} className="flex gap-8">
              {[0, 1, 2].map((column) =>
                columns.includes(column) ? (
                  <div key={column} className="flex h-16 w-56 items-center gap-3 rounded-xl border px-3">
                    <Skeleton className="size-8 rounded-lg" />
                    <div className="grid flex-1 gap-1.5">
                      <Skeleton className="h-3.5 w-28" />
                      <Skeleton className="h-3 w-20" />
                    </div>
                  </div>
                ) : (
                  <div key={column} className="h-16 w-56" />
                ),
              )}
            </div>
          ))}
        </div>
      </Card>
      <Card className="gap-3 p-5">
        <Skeleton className="h-4 w-28" />
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="flex items-center gap-6 border-t pt-3">
            <Skeleton className="h-4 w-36" />
            <Skeleton className="h-4 w-36" />
            <Skeleton className="ml-auto h-1.5 w-24" />
            <Skeleton className="h-4 w-8" />
            <Skeleton className="h-4 w-8" />
          </div>
        ))}
      </Card>
    </div>
  )
}
