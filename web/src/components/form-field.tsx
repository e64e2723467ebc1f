import { useId, type ReactNode } from 'react'

import { Label } from '@/components/ui/label'
import { cn } from '@/lib/utils'

type ControlProps = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }

/**
 * Label, control, helper text and error, wired for assistive technology: the control is named by
 * the label and described by the helper and the error.
 */
export function FormField({
  label,
  optional = false,
  hint,
  error,
  className,
  children,
}: {
  label: string
  optional?: boolean
  hint?: ReactNode
  error?: string
  className?: string
  children: (props: ControlProps) => ReactNode
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = error ? errorId : hint ? hintId : undefined
  return (
    <div className={cn('grid gap-2', className)}>
      <Label htmlFor={id}>
        {label}
        {optional && <span className="font-normal text-muted-foreground">(optional)</span>}
      </Label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && !error && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  )
}
