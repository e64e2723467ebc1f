import { PlusIcon, XIcon } from 'lucide-react'

import { FormField } from '@/components/form-field'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'

import type { PlanEditorModel } from '../hooks/use-plan-editor'
import { wouldCreateCycle } from '../lib/cycles'
import type { DraftTask } from '../lib/plan-draft'

/** What the task waits for: chips to remove, and a list of tasks to add (those that would close a cycle disabled). */
export function TaskDependencies({ editor, index, task, error, readOnly }: { editor: PlanEditorModel; index: number; task: DraftTask; error?: string; readOnly: boolean }) {
  const tasks = editor.state.draft.tasks
  const candidates = [...new Set(tasks.map((other) => other.id))].filter((id) => id !== '' && id !== task.id && !task.depends_on.includes(id))
  return (
    <FormField label="Depends on" error={error} hint={task.depends_on.length === 0 ? 'Starts as soon as the plan runs.' : undefined}>
      {(props) => (
        <div className="grid gap-2">
          {task.depends_on.length > 0 && (
            <ul aria-label="Dependencies" className="flex flex-wrap gap-1.5">
              {task.depends_on.map((dependency) => (
                <li key={dependency} className="flex h-6 items-center gap-1 rounded-md border bg-muted/50 pr-0.5 pl-2 font-mono text-xs">
                  {dependency}
                  {!readOnly && (
                    <button
                      type="button"
                      aria-label={`Remove dependency on ${dependency}`}
                      onClick={() => editor.removeDependency(index, dependency)}
                      className="flex size-5 cursor-pointer items-center justify-center rounded text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
                    >
                      <XIcon className="size-3" />
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {!readOnly && candidates.length > 0 && (
            <Select value="" onValueChange={(id) => editor.addDependency(index, id)}>
              <SelectTrigger {...props} aria-label="Add a dependency" className="h-8 justify-start text-[13px] text-muted-foreground">
                <PlusIcon className="size-3.5" />
                <SelectValue placeholder="Add a dependency" />
              </SelectTrigger>
              <SelectContent>
                {candidates.map((id) => {
                  const cycle = wouldCreateCycle(tasks, id, task.id) !== null
                  return (
                    <SelectItem key={id} value={id} disabled={cycle} className="font-mono text-[13px]">
                      {id}
                      {cycle && <span className="ml-2 font-sans text-xs text-muted-foreground">would be a cycle</span>}
                    </SelectItem>
                  )
                })}
              </SelectContent>
            </Select>
          )}
        </div>
      )}
    </FormField>
  )
}
