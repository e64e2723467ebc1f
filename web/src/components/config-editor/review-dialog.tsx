import { Loader2Icon } from 'lucide-react'
import { Suspense, useMemo, useRef } from 'react'

import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/lib/utils'

import { listChanges, type Change } from './changes'
import { serialize } from './convert'
import { LazyDiffView } from './lazy-editors'
import type { ConfigFormat } from './source'

const MAX_LISTED = 8

const KIND_STYLE: Record<Change['kind'], string> = {
  added: 'border-success/25 bg-success-soft text-success',
  removed: 'border-destructive/25 bg-destructive/10 text-destructive',
  changed: 'border-border bg-muted text-foreground',
}

type ReviewDialogProps = {
  open: boolean
  label: string
  format: ConfigFormat
  saved: unknown
  edited: unknown
  saving: boolean
  error: string | null
  dark: boolean
  shortcut: string
  onCancel: () => void
  onConfirm: () => void
  /** Where focus goes on close when the control that opened the dialog is gone or disabled. */
  onRestoreFocus: () => void
}

/** The saved version against what will be saved, both written the same way, so only real changes show. */
export function ReviewDialog(props: ReviewDialogProps) {
  const { open, label, format, saved, edited, saving, error, dark, shortcut, onCancel, onConfirm, onRestoreFocus } = props
  const saveRef = useRef<HTMLButtonElement>(null)
  const openerRef = useRef<Element | null>(null)
  const original = useMemo(() => serialize(saved, format), [saved, format])
  const modified = useMemo(() => serialize(edited, format), [edited, format])
  const changes = useMemo(() => listChanges(saved, edited), [saved, edited])

  return (
    <Dialog open={open} onOpenChange={(next) => !next && onCancel()}>
      <DialogContent
        className="sm:max-w-3xl"
        showCloseButton={!saving}
        onOpenAutoFocus={(event) => {
          event.preventDefault()
          openerRef.current = document.activeElement
          saveRef.current?.focus()
        }}
        onCloseAutoFocus={(event) => {
          // Opened by a shortcut, not a Radix trigger: Radix would leave focus on <body>.
          event.preventDefault()
          const opener = openerRef.current
          if (opener instanceof HTMLElement && opener.isConnected && !opener.matches(':disabled')) opener.focus()
          else onRestoreFocus()
        }}
        onEscapeKeyDown={(event) => saving && event.preventDefault()}
        onInteractOutside={(event) => saving && event.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle>Review changes</DialogTitle>
          <DialogDescription>
            {label}: {changes.length === 1 ? '1 change' : `${changes.length} changes`} compared with the saved version.
          </DialogDescription>
        </DialogHeader>
        <ChangeList changes={changes} />
        <Suspense fallback={<Skeleton className="h-64 w-full" />}>
          <LazyDiffView original={original} modified={modified} format={format} label={`Changes to ${label}`} dark={dark} />
        </Suspense>
        {error && (
          <p role="alert" className="text-sm text-destructive">
            Could not save: {error}
          </p>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button ref={saveRef} onClick={onConfirm} disabled={saving} aria-keyshortcuts="Meta+S Control+S">
            {saving && <Loader2Icon className="animate-spin" />}
            {saving ? 'Saving…' : error ? 'Try again' : 'Save'}
            {!saving && (
              <kbd aria-hidden className="rounded bg-primary-foreground/15 px-1 font-sans text-[11px] font-medium">
                {shortcut}
              </kbd>
            )}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}

function ChangeList({ changes }: { changes: Change[] }) {
  const hidden = changes.length - MAX_LISTED
  return (
    <ul aria-label="Changed keys" className="flex flex-wrap gap-1.5">
      {changes.slice(0, MAX_LISTED).map((change) => (
        <li key={`${change.kind}:${change.path}`} className={cn('rounded-md border px-1.5 py-0.5 font-mono text-xs', KIND_STYLE[change.kind])}>
          {change.path}
          <span className="font-sans text-muted-foreground"> {change.kind}</span>
        </li>
      ))}
      {hidden > 0 && <li className="px-1 py-0.5 text-xs text-muted-foreground">and {hidden} more</li>}
    </ul>
  )
}
