import { InfoIcon } from 'lucide-react'
import { lazy, Suspense, useMemo } from 'react'

import { Skeleton } from '@/components/ui/skeleton'

import type { PlanEditorModel } from '../hooks/use-plan-editor'

// CodeMirror loads apart from the canvas, once the panel shows.
const ConfigEditor = lazy(() => import('@/components/config-editor').then((module) => ({ default: module.ConfigEditor })))

type YamlPanelProps = {
  editor: PlanEditorModel
  /** What "Unsaved changes" compares with: the saved plan, or the new plan as it started. */
  baseline: Record<string, unknown>
  schema: Record<string, unknown> | null
  readOnly: boolean
}

/**
 * The plan as YAML, in step with the canvas: a canvas edit rewrites the text (undoable with
 * Ctrl+Z), a valid text edit redraws the canvas. Problems found on the canvas show at their line.
 */
export function YamlPanel({ editor, baseline, schema, readOnly }: YamlPanelProps) {
  const { state, shownProblems, serverErrors } = editor
  const extraProblems = useMemo(
    () => (state.yamlBroken ? [] : shownProblems.filter((problem) => problem.kind !== 'server').map(({ path, message }) => ({ path, message }))),
    [shownProblems, state.yamlBroken],
  )
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-lg" aria-busy="true" aria-label="Loading the YAML editor" />}>
      {state.yamlPhases && (
        <p role="status" className="mb-2 flex items-start gap-2 rounded-md border bg-muted/50 px-3 py-2 text-xs text-muted-foreground">
          <InfoIcon aria-hidden className="mt-px size-3.5 shrink-0" />
          Written as phases: each task depends on every task of the phase before. Saving, or editing the canvas, writes it as tasks.
        </p>
      )}
      <ConfigEditor
        value={baseline}
        schema={schema}
        onDraftChange={editor.fromYaml}
        draftValue={state.yamlValue}
        draftRevision={state.revision}
        extraProblems={extraProblems}
        serverErrors={serverErrors}
        format="yaml"
        readOnly={readOnly}
        label="Plan YAML"
        wrapLines
        className="[--config-editor-max-height:calc(100dvh-21rem)] [--config-editor-min-height:16rem]"
      />
    </Suspense>
  )
}
