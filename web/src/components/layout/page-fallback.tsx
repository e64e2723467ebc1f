import { Skeleton } from '@/components/ui/skeleton'

/** Shown while a page's code loads. */
export function PageFallback() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading page">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-72 rounded-xl" />
    </div>
  )
}
