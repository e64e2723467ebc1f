import { Button } from '@/components/ui/button'
import { cn } from '@/lib/utils'

/** The part of an infinite query a "load more" button needs (TanStack's `useInfiniteQuery` result fits). */
type NextPageQuery = {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => Promise<unknown>
}

/** The button under a paged list that fetches the next page; nothing once the last page is in. */
export function LoadMoreButton({ query, label = 'Load more', className }: { query: NextPageQuery; label?: string; className?: string }) {
  if (!query.hasNextPage) return null
  return (
    <div className={cn('border-t', className)}>
      <Button
        variant="ghost"
        size="sm"
        className="w-full text-muted-foreground"
        onClick={() => void query.fetchNextPage()}
        disabled={query.isFetchingNextPage}
      >
        {query.isFetchingNextPage ? 'Loading…' : label}
      </Button>
    </div>
  )
}
