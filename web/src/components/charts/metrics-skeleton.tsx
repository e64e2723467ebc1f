import { Skeleton } from '@/components/ui/skeleton'

/** The shape of a metrics panel (numbers, a wide chart, two charts side by side) while it loads. */
export function MetricsSkeleton() {
  return (
    <div className="grid gap-8" aria-busy="true" aria-label="Loading metrics">
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="grid gap-2">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="h-6 w-16" />
          </div>
        ))}
      </div>
      <Skeleton className="h-[228px] rounded-lg" />
      <div className="grid gap-8 lg:grid-cols-2">
        <Skeleton className="h-[208px] rounded-lg" />
        <Skeleton className="h-[208px] rounded-lg" />
      </div>
    </div>
  )
}
