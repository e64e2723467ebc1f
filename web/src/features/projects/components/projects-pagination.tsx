import { ChevronLeftIcon, ChevronRightIcon } from 'lucide-react'

import { Button } from '@/components/ui/button'
import { pageRange } from '@/lib/pagination'

export function ProjectsPagination({
  pageIndex,
  pageSize,
  itemsOnPage,
  total,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  busy,
}: {
  pageIndex: number
  pageSize: number
  itemsOnPage: number
  total: number
  hasPrevious: boolean
  hasNext: boolean
  onPrevious: () => void
  onNext: () => void
  busy: boolean
}) {
  const range = pageRange(pageIndex, pageSize, itemsOnPage, total)
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4">
      <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
        {range.from}–{range.to} of {range.total}
      </p>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" onClick={onPrevious} disabled={!hasPrevious || busy}>
          <ChevronLeftIcon />
          Previous
        </Button>
        <Button variant="outline" size="sm" onClick={onNext} disabled={!hasNext || busy}>
          Next
          <ChevronRightIcon />
        </Button>
      </div>
    </nav>
  )
}
