import { ChevronsUpDownIcon, Trash2Icon } from 'lucide-react'

import { FormField } from '@/components/form-field'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import type { PlanEditorModel } from '../hooks/use-plan-editor'
import type { AgentOption } from '../lib/agents'
import { MAX_RETRIES, type DraftTask } from '../lib/plan-draft'
import type { PlanProblem } from '../lib/plan-problems'
import { AgentPicker } from './agent-picker'
import { TaskDependencies } from './task-dependencies'
import { TaskIdField } from './task-id-field'

type TaskInspectorProps = {
  editor: PlanEditorModel
  index: number
  task: DraftTask
  agents: readonly AgentOption[]
  problems: readonly PlanProblem[]
  readOnly: boolean
  /** Put the cursor in the prompt: the task was just added from the keyboard. */
  focusPrompt?: boolean
}

/** The selected task's fields. Keyed by the task by its parent, so a new selection starts fresh. */
export function TaskInspector({ editor, index, task, agents, problems, readOnly, focusPrompt = false }: TaskInspectorProps) {
  const errorOf = (field: string) =>
    problems
      .filter((problem) => problem.path === `tasks[${index}].${field}`)
      .map((problem) => problem.message)
      .join('; ') || undefined
  const update = (patch: Partial<DraftTask>) => editor.updateTask(index, patch)

  return (
    <section aria-label={`Task ${task.id || '(no id)'}`} className="grid gap-4 p-3">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Task</h2>
        {!readOnly && (
          <Button variant="ghost" size="sm" className="-mr-1.5 h-7 text-muted-foreground hover:text-destructive" onClick={() => editor.removeTask(index)}>
            <Trash2Icon />
            Delete task
          </Button>
        )}
      </div>

      <TaskIdField id={task.id} error={errorOf('id')} readOnly={readOnly} onCommit={(id) => update({ id })} />

      <FormField label="Agent" error={errorOf('agent')}>
        {(props) => (
          <AgentPicker agents={agents} value={task.agent} onPick={(agent) => update({ agent })} label="Choose the agent">
            <Button {...props} variant="outline" disabled={readOnly} className={cn('w-full justify-between px-3 font-normal', props['aria-invalid'] && 'border-destructive')}>
              <AgentName name={task.agent} color={agents.find((agent) => agent.name === task.agent)?.color} />
              <ChevronsUpDownIcon className="opacity-50" />
            </Button>
          </AgentPicker>
        )}
      </FormField>

      <FormField label="Prompt" hint="What the agent is asked to do." error={errorOf('prompt')}>
        {(props) => (
          <Textarea {...props} autoFocus={focusPrompt} rows={6} value={task.prompt} readOnly={readOnly} placeholder="e.g. Implement the orders API" onChange={(event) => update({ prompt: event.target.value })} className="text-[13px]" />
        )}
      </FormField>

      <div className="grid grid-cols-2 gap-3">
        <FormField label="Timeout" error={errorOf('timeout')}>
          {(props) => (
            <Input
              {...props}
              value={task.timeout ?? ''}
              readOnly={readOnly}
              placeholder="None"
              title="e.g. 90s, 30m, 2h, 1h30m"
              spellCheck={false}
              onChange={(event) => update({ timeout: event.target.value === '' ? undefined : event.target.value })}
            />
          )}
        </FormField>
        <FormField label="Retries" error={errorOf('retries')}>
          {(props) => (
            <Input
              {...props}
              type="number"
              min={0}
              max={MAX_RETRIES}
              value={task.retries ?? ''}
              readOnly={readOnly}
              placeholder="0"
              onChange={(event) => update({ retries: event.target.value === '' ? undefined : Number(event.target.value) })}
            />
          )}
        </FormField>
      </div>

      <TaskDependencies editor={editor} index={index} task={task} error={errorOf('depends_on')} readOnly={readOnly} />
    </section>
  )
}

function AgentName({ name, color }: { name: string; color?: string | null }) {
  if (!name) return <span className="text-muted-foreground">Choose an agent</span>
  const palette = agentColor(name, color)
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span aria-hidden style={palette.style} className={cn('size-2 shrink-0 rounded-full', palette.dot)} />
      <span className="truncate">{name}</span>
    </span>
  )
}
