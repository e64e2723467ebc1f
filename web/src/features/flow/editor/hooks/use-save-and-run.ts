import { useState } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'

import { ApiError } from '@/lib/api-client'

import type { SavePending } from '../components/editor-header'
import { rememberPositions } from '../lib/position-memory'
import { describeProblem } from '../lib/plan-problems'
import { draftToPlanInput } from '../lib/write-plan'
import type { PlanEditorModel } from './use-plan-editor'

export type SavePlanHandler = (input: Record<string, unknown>, options: { makeDefault: boolean }) => Promise<{ id: string }>
export type RunPlanHandler = (planId: string) => Promise<{ id: string; name: string }>

type Options = {
  editor: PlanEditorModel
  planId: string | undefined
  makeDefault: boolean
  /** Told once a save made the plan the project's default. */
  onMadeDefault: () => void
  onSave: SavePlanHandler
  onRun: RunPlanHandler
  /** Lets the next navigation through the unsaved-changes guard. */
  allowLeaving: () => void
}

function errorMessage(error: unknown): string | undefined {
  return error instanceof Error ? error.message : undefined
}

/**
 * Save: checks first (the same rules as the server, so its 422 is rare), then POST or PUT; a
 * refusal's field errors go onto the canvas and into the YAML. Save & run: save if needed, start
 * the plan and open the new execution's graph.
 */
export function useSaveAndRun({ editor, planId, makeDefault, onMadeDefault, onSave, onRun, allowLeaving }: Options) {
  const navigate = useNavigate()
  const [pending, setPending] = useState<SavePending>(null)

  const ready = (): boolean => {
    if (editor.state.yamlBroken) {
      toast.error('The YAML does not parse', { description: 'Fix it, or undo to the last plan that did, before saving.' })
      return false
    }
    const blocking = editor.problems.filter((problem) => problem.blocking && problem.kind !== 'server')
    if (blocking.length === 0) return true
    const [first] = blocking
    const key = first?.taskIndex !== undefined ? editor.graph.nodes[first.taskIndex]?.key : undefined
    if (key) editor.select(key)
    toast.error(`Fix ${blocking.length} ${blocking.length === 1 ? 'problem' : 'problems'} before saving`, { description: first && describeProblem(first) })
    return false
  }

  /** Saves when there is something to save; the saved plan's id, or null when it failed. */
  const save = async (): Promise<string | null> => {
    if (planId && !editor.dirty && !makeDefault) return planId
    const input = draftToPlanInput(editor.state.draft)
    try {
      const record = await onSave(input, { makeDefault })
      editor.markSaved(input)
      if (makeDefault) onMadeDefault()
      rememberPositions(record.id, editor.state.positions)
      return record.id
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && Object.keys(error.fields).length > 0) {
        editor.markRejected(input, error.fields, error.message)
        toast.error('The server refused the plan', { description: `${error.message} The fields are marked on the canvas and in the YAML.` })
      } else {
        toast.error('Could not save the plan', { description: errorMessage(error) })
      }
      return null
    }
  }

  return {
    pending,
    save: async () => {
      if (pending || !ready()) return
      setPending('save')
      const saved = await save()
      setPending(null)
      if (!saved) return
      toast.success(`Saved “${editor.state.draft.name.trim()}”`)
      if (!planId) {
        allowLeaving()
        void navigate(`/plans/${saved}`, { replace: true })
      }
    },
    saveAndRun: async () => {
      if (pending || !ready()) return
      setPending('run')
      const saved = await save()
      if (!saved) {
        setPending(null)
        return
      }
      try {
        const execution = await onRun(saved)
        toast.success(`Started “${execution.name}”`)
        allowLeaving()
        void navigate(`/executions/${execution.id}?tab=graph`)
      } catch (error) {
        toast.error('Could not start the plan', { description: errorMessage(error) })
        setPending(null)
        // Saved but not started: a new plan now has its page.
        if (!planId) {
          allowLeaving()
          void navigate(`/plans/${saved}`, { replace: true })
        }
      }
    },
  }
}
