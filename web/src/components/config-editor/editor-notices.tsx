import { CloudAlertIcon, RefreshCwIcon, XIcon } from 'lucide-react'

import { Button } from '@/components/ui/button'

/** Someone saved while the user was editing: their edits stay, and they choose. */
export function SavedElsewhereNotice({ onLoad, onKeep }: { onLoad: () => void; onKeep: () => void }) {
  return (
    <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-warning/25 bg-warning-soft px-3 py-2 text-sm">
      <RefreshCwIcon aria-hidden className="size-4 shrink-0 text-warning" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">Saved version changed.</span>{' '}
        <span className="text-muted-foreground">It was saved elsewhere while you were editing; the review compares against the new version.</span>
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="ghost" onClick={onKeep}>
          Keep my edits
        </Button>
        <Button size="sm" variant="outline" onClick={onLoad}>
          Load saved version
        </Button>
      </div>
    </div>
  )
}

/** The server refused the last save; its field errors are in the problem list and at their lines. */
export function RejectionNotice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="alert" className="flex items-start gap-3 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm">
      <CloudAlertIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">Not saved: {message}</span>{' '}
        <span className="text-muted-foreground">Fix the fields marked below, then review again.</span>
      </p>
      <Button size="icon-sm" variant="ghost" className="-my-1 -mr-1.5 size-7" aria-label="Dismiss" onClick={onDismiss}>
        <XIcon />
      </Button>
    </div>
  )
}
