import { FileWarningIcon, MousePointerClickIcon } from 'lucide-react'

/** The YAML does not parse: what the canvas shows, and what editing it does. */
export function BrokenYamlNotice() {
  return (
    <div role="status" className="flex max-w-md items-start gap-2.5 rounded-lg border border-warning/30 bg-warning-soft px-3 py-2 text-sm shadow-sm">
      <FileWarningIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
      <p>
        <span className="font-medium">The YAML does not parse.</span>{' '}
        <span className="text-muted-foreground">The canvas shows the last valid plan; changing it here rewrites the YAML (Ctrl+Z in the YAML brings your text back).</span>
      </p>
    </div>
  )
}

/** An empty plan: what to do first. Lets drops through to the canvas. */
export function EmptyCanvasHint({ readOnly }: { readOnly: boolean }) {
  return (
    <div className="pointer-events-none absolute inset-0 z-[5] flex items-center justify-center">
      <div className="grid max-w-xs justify-items-center gap-2 text-center">
        <div className="flex size-11 items-center justify-center rounded-full border bg-background text-muted-foreground shadow-xs">
          <MousePointerClickIcon aria-hidden className="size-5" />
        </div>
        <p className="text-sm font-medium">{readOnly ? 'This plan has no tasks' : 'Drag an agent here'}</p>
        {!readOnly && (
          <p className="text-sm text-muted-foreground">
            Each agent you drop becomes a task. Connect a task’s bottom handle to another’s top to make the second wait for the first.
          </p>
        )}
      </div>
    </div>
  )
}
