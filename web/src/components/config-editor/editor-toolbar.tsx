import { CheckIcon, Undo2Icon } from 'lucide-react'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'

import { FormatToggle } from './format-toggle'
import type { ConfigFormat } from './source'

type EditorToolbarProps = {
  labelId: string
  label: string
  readOnly: boolean
  /** Whether the editor saves through its own review (false when the page saves). */
  reviewable: boolean
  format: ConfigFormat
  changed: boolean
  savedHere: boolean
  canRevert: boolean
  canReview: boolean
  shortcut: string
  onFormatChange: (format: ConfigFormat) => void
  onRevert: () => void
  onReview: () => void
}

/** The label and the draft's state on the left; format, Revert and Review changes on the right. */
export function EditorToolbar(props: EditorToolbarProps) {
  const { labelId, label, readOnly, reviewable, format, changed, savedHere, canRevert, canReview, shortcut, onFormatChange, onRevert, onReview } = props
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="mr-auto flex min-w-0 items-center gap-2">
        <span id={labelId} className="truncate text-sm font-medium">
          {label}
        </span>
        <DraftBadge readOnly={readOnly} changed={changed} savedHere={savedHere} />
      </div>
      {/* One group: when the row is too narrow, the controls move under the label together, still on the right. */}
      <div className="ml-auto flex items-center gap-2">
        <FormatToggle value={format} onChange={onFormatChange} />
        {!readOnly && (
          <>
            <Button variant="ghost" size="sm" onClick={onRevert} disabled={!canRevert}>
              <Undo2Icon />
              Revert
            </Button>
            {reviewable && (
              <Button size="sm" onClick={onReview} disabled={!canReview} aria-keyshortcuts="Meta+S Control+S">
                Review changes
                <kbd aria-hidden className="rounded bg-primary-foreground/15 px-1 font-sans text-[11px] font-medium">
                  {shortcut}
                </kbd>
              </Button>
            )}
          </>
        )}
      </div>
    </div>
  )
}

function DraftBadge({ readOnly, changed, savedHere }: { readOnly: boolean; changed: boolean; savedHere: boolean }) {
  if (readOnly) return <Badge variant="muted">Read-only</Badge>
  if (changed) return <Badge variant="warning">Unsaved changes</Badge>
  if (!savedHere) return null
  return (
    <Badge variant="success">
      <CheckIcon aria-hidden />
      Saved
    </Badge>
  )
}
