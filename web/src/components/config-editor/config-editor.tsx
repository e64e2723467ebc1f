import { Suspense, useEffect, useEffectEvent, useId, useMemo, useRef, type KeyboardEvent } from 'react'
import { toast } from 'sonner'

import { Skeleton } from '@/components/ui/skeleton'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import { cn } from '@/lib/utils'

import type { ExtraProblem, Problem } from './analyze'
import type { CodeEditorHandle } from './code-editor'
import type { EditorDiagnostics } from './editor-state'
import { RejectionNotice, SavedElsewhereNotice } from './editor-notices'
import { EditorToolbar } from './editor-toolbar'
import { helpAt } from './hover-help'
import { LazyCodeEditor, preloadDiffView } from './lazy-editors'
import { ProblemList, ProblemSummary } from './problem-list'
import { isNews, meaningOf, type Meaning } from './draft-sync'
import { ReviewDialog } from './review-dialog'
import type { ConfigFormat } from './source'
import { useConfigDraft } from './use-config-draft'
import { useDocumentDark } from './use-document-dark'
import { useSaveReview } from './use-save-review'

export type ConfigEditorProps = {
  /** The saved value (a JSON-compatible object). The editor starts with it. */
  value: unknown
  /** JSON Schema (draft 2020-12 subset, see validate.ts) checked while typing; null checks syntax only. */
  schema: Record<string, unknown> | null
  /**
   * Called with the parsed object after the user confirmed the diff. Throw an ApiError-like object
   * to show server errors. Without it the editor has no Review/Save of its own: the page saves
   * (a controlled editor, see `onDraftChange`).
   */
  onSave?: (value: unknown) => Promise<void>
  /** Initial format; the user can switch YAML <-> JSON (content converted, keeping the parsed value). */
  format?: ConfigFormat
  readOnly?: boolean
  /** Field errors from the server, keyed by path like "timeout_s", "command[0]", "env.FOO": shown at their line. */
  serverErrors?: Record<string, string>
  label?: string
  className?: string
  /** Told whenever the draft starts or stops differing from the saved value, e.g. to guard navigation. */
  onDirtyChange?: (dirty: boolean) => void
  /**
   * Told what the text means once typing pauses: the parsed object, or undefined while the text
   * does not parse (or is not an object). Not told about values set through `draftValue`.
   */
  onDraftChange?: (value: Record<string, unknown> | undefined) => void
  /**
   * A value set from outside (e.g. a canvas showing the same document). Each new `draftRevision`
   * writes it into the editor in the current format, as an undoable edit; the saved version
   * (what "Unsaved changes" compares with) stays `value`.
   */
  draftValue?: unknown
  draftRevision?: number
  /** Problems the page found in the value, e.g. a dependency cycle: shown at their path's line like server errors. */
  extraProblems?: readonly ExtraProblem[]
  /** Wrap long lines (prompts in a narrow panel) instead of scrolling sideways. */
  wrapLines?: boolean
}

/** Long enough not to flag every half-typed word, short enough to feel live. */
const VALIDATION_DELAY_MS = 300
const IS_MAC = typeof navigator !== 'undefined' && /mac|iphone|ipad|ipod/i.test(navigator.platform)
const SHORTCUT = IS_MAC ? '⌘S' : 'Ctrl+S'
const FORMAT_NAMES: Record<ConfigFormat, string> = { yaml: 'YAML', json: 'JSON' }

function toDiagnostics(problem: Problem) {
  if (!problem.location) return []
  const message = problem.path !== null ? `${problem.path}: ${problem.message}` : problem.message
  const source = problem.source === 'server' ? 'Reported by the server' : undefined
  return [{ from: problem.location.from, to: problem.location.to, severity: problem.severity, message, source }]
}

/**
 * A YAML/JSON configuration editor: highlighting, live validation against a JSON Schema with
 * errors at their line, server errors at their line, and a reviewed diff before every save.
 */
export function ConfigEditor({
  value,
  schema,
  onSave,
  format = 'yaml',
  readOnly = false,
  serverErrors,
  label = 'Configuration',
  className,
  onDirtyChange,
  onDraftChange,
  draftValue,
  draftRevision,
  extraProblems,
  wrapLines = false,
}: ConfigEditorProps) {
  const draft = useConfigDraft({ value, schema, format, serverErrors, extraProblems, external: { value: draftValue, revision: draftRevision } })
  const shown = useDebouncedValue(draft.analysis, VALIDATION_DELAY_MS)
  const review = useSaveReview({ onSave: onSave ?? noSave, onSaved: draft.markSaved, onRejected: draft.reject })
  const reviewable = !readOnly && onSave !== undefined
  const editorRef = useRef<CodeEditorHandle>(null)
  const dark = useDocumentDark()
  const id = useId()

  const diagnostics = useMemo<EditorDiagnostics>(() => ({ text: shown.text, items: shown.problems.flatMap(toDiagnostics) }), [shown])
  const currentFormat = draft.format
  const help = useMemo(
    () => (schema ? (text: string, offset: number) => helpAt(text, currentFormat, schema, offset) : undefined),
    [schema, currentFormat],
  )

  const reportDirty = useEffectEvent((dirty: boolean) => onDirtyChange?.(dirty))
  useEffect(() => reportDirty(draft.changed), [draft.changed])

  // What the page last knew the text to mean (its own value, or one reported), so only news is reported.
  const known = useRef<Meaning>(meaningOf(draft.analysis))
  const adoptDraftValue = useEffectEvent(() => {
    known.current = meaningOf({ parsed: true, value: draftValue })
  })
  useEffect(() => {
    if (draftRevision !== undefined) adoptDraftValue()
  }, [draftRevision])
  const reportDraft = useEffectEvent((next: Meaning) => {
    const news = isNews(known.current, next)
    known.current = next
    if (news) onDraftChange?.(next === 'invalid' ? undefined : next.value)
  })
  useEffect(() => reportDraft(meaningOf(shown)), [shown])
  useEffect(() => {
    if (draft.canReview) preloadDiffView()
  }, [draft.canReview])

  const select = (problem: Problem) => {
    if (problem.location) editorRef.current?.select(problem.location.from, problem.location.to)
  }

  const requestReview = () => {
    if (!reviewable) return
    if (review.open) {
      void review.confirm()
      return
    }
    const { analysis } = draft
    if (analysis.blocking > 0) {
      const first = analysis.problems.find((problem) => problem.severity === 'error' && problem.source !== 'server')
      if (first) select(first)
      toast.error(`Fix ${analysis.blocking} ${analysis.blocking === 1 ? 'problem' : 'problems'} before saving`)
      return
    }
    if (!draft.changed) {
      toast('Nothing to review', { description: 'The configuration matches the saved version.' })
      return
    }
    review.start(analysis.value)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    // Without a save of its own, Ctrl+S is left to the page.
    if (!reviewable) return
    const mod = IS_MAC ? event.metaKey : event.ctrlKey
    if (!mod || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return
    event.preventDefault()
    requestReview()
  }

  const switchFormat = (next: ConfigFormat) => {
    const previous = { format: draft.format, text: draft.text }
    const conversion = draft.switchFormat(next)
    if (!conversion.ok) {
      toast.error(`Cannot switch to ${FORMAT_NAMES[next]}`, { description: conversion.message })
    } else if (conversion.droppedComments) {
      toast('Switched to JSON', {
        description: 'Comments were removed: JSON cannot hold them.',
        action: { label: 'Undo', onClick: () => draft.restore(previous) },
      })
    }
  }

  const revert = (message: string) => {
    draft.revert()
    toast(message, { action: { label: 'Undo', onClick: () => editorRef.current?.undo() } })
  }

  return (
    <div role="group" aria-labelledby={`${id}-label`} className={cn('grid min-w-0 gap-2', className)} onKeyDown={onKeyDown}>
      <EditorToolbar
        labelId={`${id}-label`}
        label={label}
        readOnly={readOnly}
        reviewable={reviewable}
        format={draft.format}
        changed={draft.changed}
        savedHere={review.savedHere}
        canRevert={draft.canRevert}
        canReview={draft.canReview}
        shortcut={SHORTCUT}
        onFormatChange={switchFormat}
        onRevert={() => revert('Reverted to the saved version')}
        onReview={requestReview}
      />

      {draft.savedElsewhere && <SavedElsewhereNotice onLoad={() => revert('Loaded the saved version')} onKeep={draft.keepEdits} />}
      {draft.rejection && <RejectionNotice message={draft.rejection.message} onDismiss={() => draft.reject(null)} />}

      <div className="overflow-hidden rounded-lg border bg-background font-mono shadow-xs transition-[border-color,box-shadow] focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50">
        <Suspense fallback={<EditorSkeleton />}>
          <LazyCodeEditor
            ref={editorRef}
            text={draft.text}
            format={draft.format}
            readOnly={readOnly}
            label={label}
            dark={dark}
            diagnostics={diagnostics}
            onChange={draft.setText}
            help={help}
            describedBy={`${id}-summary ${id}-hint`}
            wrap={wrapLines}
          />
        </Suspense>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <ProblemSummary id={`${id}-summary`} problems={shown.problems} />
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          Esc then Tab leaves the editor{reviewable ? ` · ${SHORTCUT} to review` : ''}
        </p>
      </div>
      <ProblemList problems={shown.problems} onSelect={select} />

      {reviewable && (
        <ReviewDialog
          open={review.open}
          label={label}
          format={draft.format}
          saved={draft.saved}
          edited={review.value}
          saving={review.saving}
          error={review.error}
          dark={dark}
          shortcut={SHORTCUT}
          onCancel={review.cancel}
          onConfirm={() => void review.confirm()}
          onRestoreFocus={() => editorRef.current?.focus()}
        />
      )}
    </div>
  )
}

async function noSave() {}

function EditorSkeleton() {
  return (
    <div aria-hidden className="flex min-h-48 gap-3 p-3">
      <Skeleton className="h-4 w-6" />
      <div className="grid flex-1 content-start gap-2">
        <Skeleton className="h-4 w-2/5" />
        <Skeleton className="h-4 w-3/5" />
        <Skeleton className="h-4 w-1/3" />
      </div>
    </div>
  )
}
