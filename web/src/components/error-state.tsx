import { AlertTriangleIcon, RotateCwIcon } from 'lucide-react'

import { EmptyState } from '@/components/empty-state'
import { Button } from '@/components/ui/button'

export function ErrorState({
  title = 'Something went wrong',
  error,
  onRetry,
  retrying = false,
}: {
  title?: string
  error: unknown
  onRetry?: () => void
  retrying?: boolean
}) {
  const message = error instanceof Error ? error.message : 'An unexpected error occurred.'
  return (
    <EmptyState
      role="alert"
      icon={<AlertTriangleIcon className="text-destructive" />}
      title={title}
      description={message}
      action={
        onRetry && (
          <Button variant="outline" onClick={onRetry} disabled={retrying}>
            <RotateCwIcon className={retrying ? 'animate-spin' : undefined} />
            Retry
          </Button>
        )
      }
    />
  )
}
