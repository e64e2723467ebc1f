import type { ReactNode } from 'react'

import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { cn } from '@/lib/utils'

import type { PlanEditorModel } from '../hooks/use-plan-editor'
import { DEFAULT_MAX_PARALLEL, DEFAULT_ON_FAILURE, MAX_PARALLEL, type OnFailure } from '../lib/plan-draft'

const ON_FAILURE: { value: OnFailure; label: string; description: string }[] = [
  { value: 'continue', label: 'Continue', description: 'Only the failed task’s dependents are skipped' },
  { value: 'fail_fast', label: 'Fail fast', description: 'The first failure cancels everything' },
]

function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text)
}

type PlanSettingsProps = {
  editor: PlanEditorModel
  readOnly: boolean
  /** "Make default" for a plan that is not the project's default yet; null hides it. */
  defaultToggle: { checked: boolean; onChange: (checked: boolean) => void } | null
}

/** Max parallel, budget and what a failure does, in one row under the header. */
export function PlanSettings({ editor, readOnly, defaultToggle }: PlanSettingsProps) {
  const { draft } = editor.state
  const errorOf = (path: string) => editor.problems.find((problem) => problem.path === path)?.message
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
      <Setting label="Max parallel" error={errorOf('max_parallel')}>
        {(id, invalid) => (
          <Input
            id={id}
            type="number"
            min={1}
            max={MAX_PARALLEL}
            value={draft.max_parallel ?? ''}
            placeholder={String(DEFAULT_MAX_PARALLEL)}
            readOnly={readOnly}
            aria-invalid={invalid}
            onChange={(event) => editor.updateSettings({ max_parallel: numberOrUndefined(event.target.value) })}
            className="h-8 w-20"
          />
        )}
      </Setting>
      <Setting label="Budget" error={errorOf('budget_usd')}>
        {(id, invalid) => (
          <div className="relative">
            <span aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted-foreground">
              $
            </span>
            <Input
              id={id}
              type="number"
              min={0}
              step={0.5}
              value={draft.budget_usd ?? ''}
              placeholder="No limit"
              readOnly={readOnly}
              aria-invalid={invalid}
              onChange={(event) => editor.updateSettings({ budget_usd: numberOrUndefined(event.target.value) })}
              className="h-8 w-28 pl-6"
            />
          </div>
        )}
      </Setting>
      <Setting label="On failure">
        {(id) => (
          <Select value={draft.on_failure ?? DEFAULT_ON_FAILURE} onValueChange={(value) => editor.updateSettings({ on_failure: value as OnFailure })} disabled={readOnly}>
            <SelectTrigger id={id} className="h-8 w-32">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {ON_FAILURE.map((option) => (
                <SelectItem key={option.value} value={option.value} title={option.description}>
                  {option.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        )}
      </Setting>
      {defaultToggle && (
        <label className="flex cursor-pointer items-center gap-2 text-xs text-muted-foreground select-none">
          <input
            type="checkbox"
            checked={defaultToggle.checked}
            onChange={(event) => defaultToggle.onChange(event.target.checked)}
            className="size-3.5 cursor-pointer accent-primary"
          />
          Make it the project’s default (what Start runs)
        </label>
      )}
    </div>
  )
}

/** A label and its control side by side; an error turns the label red and is read with the control. */
function Setting({ label, error, children }: { label: string; error?: string; children: (id: string, invalid: boolean) => ReactNode }) {
  const id = `plan-setting-${label.toLowerCase().replace(/\s+/g, '-')}`
  return (
    <div className="flex items-center gap-2" title={error}>
      <Label htmlFor={id} className={cn('text-xs font-normal text-muted-foreground', error && 'text-destructive')}>
        {label}
        {error && <span className="sr-only">: {error}</span>}
      </Label>
      {children(id, error !== undefined)}
    </div>
  )
}
