import { ArrowLeftIcon, CodeIcon, Loader2Icon, PlayIcon, SaveIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { cn } from '@/lib/utils'

export type SavePending = 'save' | 'run' | null

type EditorHeaderProps = {
  project: { id: string; name: string }
  name: string
  onNameChange: (name: string) => void
  nameError?: string
  dirty: boolean
  isNew: boolean
  isDefault: boolean
  canEdit: boolean
  canRun: boolean
  pending: SavePending
  shortcut: string
  yamlShown: boolean
  onToggleYaml: () => void
  onSave: () => void
  onSaveAndRun: () => void
  /** The settings row under the title. */
  settings: ReactNode
}

/** Back to the project, the plan's name, its state, and Save / Save & run. */
export function EditorHeader(props: EditorHeaderProps) {
  const { project, name, onNameChange, nameError, dirty, isNew, isDefault, canEdit, canRun, pending, shortcut, yamlShown, onToggleYaml, onSave, onSaveAndRun, settings } = props
  return (
    <header className="grid gap-2.5 border-b bg-background px-4 pt-3 pb-3 md:px-6">
      <Button variant="ghost" size="sm" asChild className="-ml-2 h-7 w-fit text-muted-foreground">
        <Link to={`/projects/${project.id}`}>
          <ArrowLeftIcon />
          {project.name}
        </Link>
      </Button>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="min-w-0 flex-1">
          <Input
            value={name}
            onChange={(event) => onNameChange(event.target.value)}
            readOnly={!canEdit}
            aria-label="Plan name"
            aria-invalid={nameError !== undefined}
            title={nameError}
            placeholder="Name the plan"
            spellCheck={false}
            className={cn(
              'h-9 max-w-xl border-transparent bg-transparent px-2 text-xl font-semibold tracking-tight shadow-none dark:bg-transparent',
              'hover:border-input focus-visible:border-ring',
              '-ml-2',
            )}
          />
        </h1>
        <div className="flex items-center gap-2">
          {isDefault && <Badge variant="secondary">Default</Badge>}
          {dirty ? <Badge variant="warning">{isNew ? 'Not saved yet' : 'Unsaved changes'}</Badge> : isNew && <Badge variant="muted">New plan</Badge>}
        </div>
        <div className="ml-auto flex items-center gap-2">
          <Button variant="ghost" size="sm" aria-pressed={yamlShown} onClick={onToggleYaml} className="aria-pressed:bg-accent">
            <CodeIcon />
            YAML
          </Button>
          {canEdit && (
            <Button variant="outline" onClick={onSave} disabled={pending !== null} aria-keyshortcuts="Meta+S Control+S">
              {pending === 'save' ? <Loader2Icon className="animate-spin" /> : <SaveIcon />}
              {pending === 'save' ? 'Saving…' : 'Save'}
              <kbd aria-hidden className="rounded border bg-muted px-1 font-sans text-[11px] font-medium text-muted-foreground">
                {shortcut}
              </kbd>
            </Button>
          )}
          {canEdit && canRun && (
            <Button onClick={onSaveAndRun} disabled={pending !== null}>
              {pending === 'run' ? <Loader2Icon className="animate-spin" /> : <PlayIcon />}
              {pending === 'run' ? 'Starting…' : 'Save & run'}
            </Button>
          )}
        </div>
      </div>
      {settings}
    </header>
  )
}
