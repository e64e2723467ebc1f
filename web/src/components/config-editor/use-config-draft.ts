import { useMemo, useState } from 'react'

import { jsonEqual } from '@/lib/json'

import { analyzeConfig } from './analyze'
import { convertText, serialize, type Conversion } from './convert'
import type { ConfigFormat } from './source'

export type Rejection = { value: unknown; fields: Record<string, string>; message: string }

type Options = {
  value: unknown
  schema: Record<string, unknown> | null
  format: ConfigFormat
  serverErrors?: Record<string, string>
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
export function useConfigDraft({ value, schema, format: initialFormat, serverErrors }: Options) {
  const [format, setFormat] = useState(initialFormat)
  const [text, setText] = useState(() => serialize(value, initialFormat))
  const [saved, setSaved] = useState<unknown>(value)
  const [seenValue, setSeenValue] = useState<unknown>(value)
  const [savedElsewhere, setSavedElsewhere] = useState(false)
  const [rejection, setRejection] = useState<Rejection | null>(null)
  const stableSchema = useContentStable(schema)
  const stableServerErrors = useContentStable(serverErrors)

  const analysis = useMemo(
    () => analyzeConfig({ text, format, schema: stableSchema, serverErrors: stableServerErrors, rejected: rejection }),
    [text, format, stableSchema, stableServerErrors, rejection],
  )
  const savedText = useMemo(() => serialize(saved, format), [saved, format])
  const changed = analysis.parsed ? !jsonEqual(analysis.value, saved) : text !== savedText

  // The page passed a new saved version: our own save coming back (nothing to do), or someone
  // else's. Adjusting state during render, as React recommends for reacting to a prop, avoids a
  // frame of stale text.
  if (!jsonEqual(value, seenValue)) {
    setSeenValue(value)
    if (!jsonEqual(value, saved)) {
      setSaved(value)
      if (changed) {
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
