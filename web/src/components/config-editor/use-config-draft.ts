import { useMemo, useState } from 'react'

import { jsonEqual } from '@/lib/json'

import { analyzeConfig, type ExtraProblem } from './analyze'
import { convertText, serialize, type Conversion } from './convert'
import type { ConfigFormat } from './source'

export type Rejection = { value: unknown; fields: Record<string, string>; message: string }

type Options = {
  value: unknown
  schema: Record<string, unknown> | null
  format: ConfigFormat
  serverErrors?: Record<string, string>
  extraProblems?: readonly ExtraProblem[]
  /** A value set from outside: each new revision replaces the text (see ConfigEditorProps.draftValue). */
  external?: { value: unknown; revision: number | undefined }
}

/** Keeps the previous object while a new one has the same content, so inline props do not redo work on every render. */
function useContentStable<T>(value: T): T {
  const [stable, setStable] = useState(value)
  if (!jsonEqual(stable, value)) {
    setStable(value)
    return value
  }
  return stable
}

/**
 * The text being edited and the saved value it is compared with. "Changed" means the parsed value
 * differs from the saved one: reformatting, reordering keys or switching format is not a change.
 */
export function useConfigDraft({ value, schema, format: initialFormat, serverErrors, extraProblems, external }: Options) {
  const [format, setFormat] = useState(initialFormat)
  const [text, setText] = useState(() => serialize(value, initialFormat))
  const [saved, setSaved] = useState<unknown>(value)
  const [seenValue, setSeenValue] = useState<unknown>(value)
  const [savedElsewhere, setSavedElsewhere] = useState(false)
  const [rejection, setRejection] = useState<Rejection | null>(null)
  const [seenRevision, setSeenRevision] = useState(external?.revision)
  const stableSchema = useContentStable(schema)
  const stableServerErrors = useContentStable(serverErrors)
  const stableExtraProblems = useContentStable(extraProblems)

  const analysis = useMemo(
    () => analyzeConfig({ text, format, schema: stableSchema, serverErrors: stableServerErrors, rejected: rejection, extraProblems: stableExtraProblems }),
    [text, format, stableSchema, stableServerErrors, rejection, stableExtraProblems],
  )
  const savedText = useMemo(() => serialize(saved, format), [saved, format])
  let changed = analysis.parsed ? !jsonEqual(analysis.value, saved) : text !== savedText
  // What the text means once this render's updates apply.
  let meaning = { parsed: analysis.parsed, value: analysis.value }

  // A new revision from outside: shown in the current format, as an ordinary (undoable) edit, and
  // the saved version stays what "changed" compares with. Text that already means that value is
  // left alone, layout and comments included. Handled before a new saved version below, so a page
  // that saves and shows the result in one go is not taken for someone else's save.
  if (external && external.revision !== seenRevision) {
    setSeenRevision(external.revision)
    if (external.revision !== undefined && !(analysis.parsed && jsonEqual(analysis.value, external.value))) {
      setText(serialize(external.value, format))
      meaning = { parsed: true, value: external.value }
      changed = !jsonEqual(external.value, saved)
    }
  }

  // The page passed a new saved version: our own save coming back (nothing to do), the page's
  // save of what is in the editor (nothing to do either), or someone else's. Adjusting state
  // during render, as React recommends for reacting to a prop, avoids a frame of stale text.
  if (!jsonEqual(value, seenValue)) {
    setSeenValue(value)
    if (!jsonEqual(value, saved)) {
      setSaved(value)
      const holdsIt = meaning.parsed && jsonEqual(meaning.value, value)
      if (holdsIt) {
        setSavedElsewhere(false)
      } else if (changed) {
        setSavedElsewhere(true)
      } else {
        setText(serialize(value, format))
        setSavedElsewhere(false)
      }
    }
  }

  return {
    text,
    format,
    saved,
    savedText,
    analysis,
    changed,
    /** The text differs from the saved version, if only in layout: Revert has something to do. */
    canRevert: text !== savedText,
    canReview: changed && analysis.parsed && analysis.blocking === 0,
    savedElsewhere,
    rejection,
    setText,
    switchFormat(next: ConfigFormat): Conversion {
      const conversion = convertText(text, format, next)
      if (conversion.ok) {
        setFormat(next)
        setText(conversion.text)
      }
      return conversion
    },
    restore(previous: { format: ConfigFormat; text: string }) {
      setFormat(previous.format)
      setText(previous.text)
    },
    revert() {
      setText(savedText)
      setSavedElsewhere(false)
    },
    keepEdits() {
      setSavedElsewhere(false)
    },
    markSaved(next: unknown) {
      setSaved(next)
      setRejection(null)
      setSavedElsewhere(false)
    },
    reject(next: Rejection | null) {
      setRejection(next)
    },
  }
}
