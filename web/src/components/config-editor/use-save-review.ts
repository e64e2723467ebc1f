import { useState } from 'react'

import { readSaveError } from './save-error'
import type { Rejection } from './use-config-draft'

type Options = {
  onSave: (value: unknown) => Promise<void>
  onSaved: (value: unknown) => void
  onRejected: (rejection: Rejection) => void
}

/**
 * The review dialog's life: opened with a snapshot of the value to save, then saving, then closed
 * on success. A refusal with field errors closes it so the errors can be read at their lines;
 * any other failure keeps it open to try again. No toasts: the page owns the mutation and says
 * what it wants; the editor shows the outcome where it happened.
 */
export function useSaveReview({ onSave, onSaved, onRejected }: Options) {
  // The value outlives `open` so the dialog keeps its content while it fades out.
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState<unknown>(undefined)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [savedHere, setSavedHere] = useState(false)

  const confirm = async () => {
    if (!open || saving) return
    setSaving(true)
    setError(null)
    try {
      await onSave(value)
      onSaved(value)
      setOpen(false)
      setSavedHere(true)
    } catch (caught) {
      const failure = readSaveError(caught)
      if (Object.keys(failure.fields).length > 0) {
        onRejected({ value, ...failure })
        setOpen(false)
      } else {
        setError(failure.message)
      }
    } finally {
      setSaving(false)
    }
  }

  return {
    open,
    value,
    saving,
    error,
    /** A save from this editor succeeded: "Saved" is shown until the next edit. */
    savedHere,
    start: (next: unknown) => {
      setValue(next)
      setOpen(true)
      setError(null)
    },
    cancel: () => {
      if (!saving) setOpen(false)
    },
    confirm,
  }
}
