import { Skeleton } from '@/components/ui/skeleton'

/** A few node-shaped placeholders while the first layout is computed. */
export function GraphSkeleton() {
  return (
    <div aria-busy="true" aria-label="Laying out the graph" className="absolute inset-0 flex items-center justify-center">
      <div className="grid justify-items-center gap-8">
        <Skeleton className="h-[74px] w-[232px] rounded-lg" />
        <div className="flex gap-6">
          <Skeleton className="h-[74px] w-[232px] rounded-lg" />
          <Skeleton className="h-[74px] w-[232px] rounded-lg" />
        </div>
        <Skeleton className="h-[74px] w-[232px] rounded-lg" />
      </div>
    </div>
  )
}
