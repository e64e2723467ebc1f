import { ErrorState } from '@/components/error-state'
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Skeleton } from '@/components/ui/skeleton'

import { useConfigDiff } from '../api/get-config-diff'
import type { ConfigScope } from '../lib/scope'
import { ChangeList } from './change-list'

type Range = { from: number; to: number | null }

function rangeTitle({ from, to }: Range) {
  return to === null ? `Version ${from} → current` : `Version ${from} → version ${to}`
}

/** The paths that differ between two versions (or one and the current version). */
export function DiffDialog({ scope, range, onClose }: { scope: ConfigScope; range: Range | null; onClose: () => void }) {
  const diff = useConfigDiff(scope, range)
  return (
    <Dialog open={range !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{range ? rangeTitle(range) : 'Compare versions'}</DialogTitle>
          <DialogDescription>What changed between them, path by path. Secrets show masked.</DialogDescription>
        </DialogHeader>
        {diff.isPending ? (
          <div aria-busy="true" aria-label="Loading the differences" className="grid gap-2">
            <Skeleton className="h-5 w-3/4" />
            <Skeleton className="h-5 w-2/3" />
          </div>
        ) : diff.isError ? (
          <ErrorState title="Could not compare the versions" error={diff.error} onRetry={() => void diff.refetch()} retrying={diff.isFetching} />
        ) : (
          <ChangeList changes={diff.data.changes} label="Differences" />
        )}
      </DialogContent>
    </Dialog>
  )
}
