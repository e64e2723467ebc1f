import { useState } from 'react'

import { Markdown } from '@/components/markdown'
import { Button } from '@/components/ui/button'
import { cn } from '@/lib/utils'

/** Longer than this folds, showing its start: a prompt can be pages long. */
const FOLD_CHARS = 700
const FOLD_LINES = 14

/** Markdown that folds when long, with a button to show it all. */
export function ExpandableText({ text, label }: { text: string; label: string }) {
  const [open, setOpen] = useState(false)
  const long = text.length > FOLD_CHARS || text.split('\n').length > FOLD_LINES
  const folded = long && !open
  return (
    <div className="grid gap-1.5">
      <div className={cn('relative', folded && 'max-h-56 overflow-hidden')}>
        <Markdown className="text-[13px]">{text}</Markdown>
        {folded && <div aria-hidden className="absolute inset-x-0 bottom-0 h-12 bg-gradient-to-t from-background to-transparent" />}
      </div>
      {long && (
        <Button variant="link" size="sm" className="h-auto w-fit p-0 text-xs text-muted-foreground" onClick={() => setOpen(!open)}>
          {open ? `Show less of the ${label}` : `Show the whole ${label}`}
        </Button>
      )}
    </div>
  )
}
