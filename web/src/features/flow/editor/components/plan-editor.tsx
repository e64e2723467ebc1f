import { ChevronLeftIcon } from 'lucide-react'
import { useEffect, useEffectEvent, useMemo, useState } from 'react'

import { Button } from '@/components/ui/button'
import { cn } from '@/lib/utils'

import { useLeaveGuard } from '../hooks/use-leave-guard'
import { usePlanEditor } from '../hooks/use-plan-editor'
import { useSaveAndRun, type RunPlanHandler, type SavePlanHandler } from '../hooks/use-save-and-run'
import type { PlanProblem } from '../lib/plan-problems'
import { AgentPalette, type AgentCatalog } from './agent-palette'
import { BrokenYamlNotice, EmptyCanvasHint } from './canvas-notices'
import { CanvasToolbar } from './canvas-toolbar'
import { EditorHeader } from './editor-header'
import { LeaveDialog } from './leave-dialog'
import { PlanCanvas } from './plan-canvas'
import { PlanSettings } from './plan-settings'
import { TaskInspector } from './task-inspector'
import { YamlPanel } from './yaml-panel'

export type PlanEditorProps = {
  project: { id: string; name: string }
  /** The saved plan (its PlanRecord.plan), or null for a new one. */
  plan: { id: string; value: unknown; isDefault: boolean } | null
  /** Where a new plan starts. */
  template?: Record<string, unknown>
  catalog: AgentCatalog
  schema: Record<string, unknown> | null
  canEdit: boolean
  canRun: boolean
  onSave: SavePlanHandler
  onRun: RunPlanHandler
}

const IS_MAC = typeof navigator !== 'undefined' && /mac|iphone|ipad|ipod/i.test(navigator.platform)
const YAML_SHOWN_KEY = 'baton-plan-editor-yaml'

function initiallyShowYaml(): boolean {
  try {
    return localStorage.getItem(YAML_SHOWN_KEY) !== 'hidden'
  } catch {
    return true
  }
}

/**
 * The visual plan editor: agents on the left, the plan as a graph in the middle, its YAML on the
 * right, all one document. The header saves it, or saves and runs it.
 */
export function PlanEditor({ project, plan, template, catalog, schema, canEdit, canRun, onSave, onRun }: PlanEditorProps) {
  const knownAgents = useMemo(() => (catalog.agents ? new Set(catalog.agents.map((agent) => agent.name)) : null), [catalog.agents])
  const editor = usePlanEditor({ input: plan?.value ?? template, planId: plan?.id, knownAgents })
  const [startedAs] = useState(() => editor.state.yamlValue)
  const baseline = editor.state.saved ?? startedAs
  const [yamlShown, setYamlShown] = useState(initiallyShowYaml)
  const [makeDefault, setMakeDefault] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  // The task "Add task" just made: its inspector takes the focus, so the keyboard can go on typing.
  const [justAdded, setJustAdded] = useState<string | null>(null)
  const guard = useLeaveGuard(editor.dirty)
  const flow = useSaveAndRun({
    editor,
    planId: plan?.id,
    makeDefault,
    onMadeDefault: () => setMakeDefault(false),
    onSave,
    onRun,
    allowLeaving: guard.allowNext,
  })
  const readOnly = !canEdit

  const agents = useMemo(() => catalog.agents ?? [], [catalog.agents])
  const agentColors = useMemo(() => new Map(agents.map((agent) => [agent.name, agent.color ?? null])), [agents])
  const selectedNode = editor.state.selected === null ? undefined : editor.graph.nodes.find((node) => node.key === editor.state.selected)

  // Ctrl+S / ⌘S saves from anywhere on the page, the YAML editor included (it leaves the key to the page).
  const saveShortcut = useEffectEvent(() => {
    if (canEdit) void flow.save()
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = IS_MAC ? event.metaKey : event.ctrlKey
      if (!mod || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return
      event.preventDefault()
      saveShortcut()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const toggleYaml = () => {
    setYamlShown((shown) => {
      try {
        localStorage.setItem(YAML_SHOWN_KEY, shown ? 'hidden' : 'shown')
      } catch {
        // Not remembered; it still toggles.
      }
      return !shown
    })
  }

  const selectProblem = (problem: PlanProblem) => {
    const key = problem.taskIndex !== undefined ? editor.graph.nodes[problem.taskIndex]?.key : undefined
    if (key) editor.select(key)
  }

  return (
    // The route is full-bleed (see router.tsx): the viewport's height below the app header, for the canvas.
    <div className="flex flex-col lg:h-[calc(100dvh-3.5rem)]">
      <EditorHeader
        project={project}
        name={editor.state.draft.name}
        onNameChange={(name) => editor.updateSettings({ name })}
        nameError={editor.problems.find((problem) => problem.path === 'name')?.message}
        dirty={editor.dirty}
        isNew={plan === null}
        isDefault={plan?.isDefault ?? false}
        canEdit={canEdit}
        canRun={canRun}
        pending={flow.pending}
        shortcut={IS_MAC ? '⌘S' : 'Ctrl+S'}
        yamlShown={yamlShown}
        onToggleYaml={toggleYaml}
        onSave={() => void flow.save()}
        onSaveAndRun={() => void flow.saveAndRun()}
        settings={
          <PlanSettings
            editor={editor}
            readOnly={readOnly}
            defaultToggle={plan?.isDefault || readOnly ? null : { checked: makeDefault, onChange: setMakeDefault }}
          />
        }
      />

      {/* Below lg the parts stack (canvas, then YAML) and the palette gives way to "Add task". */}
      <div
        className={cn(
          'grid min-h-0 flex-1 grid-cols-1',
          yamlShown
            ? 'lg:grid-cols-[14rem_minmax(0,1fr)_22rem] 2xl:grid-cols-[15rem_minmax(0,1fr)_28rem]'
            : 'lg:grid-cols-[14rem_minmax(0,1fr)] 2xl:grid-cols-[15rem_minmax(0,1fr)]',
        )}
      >
        <aside
          aria-label={selectedNode ? 'Inspector' : 'Agents'}
          className={cn('min-h-0 flex-col overflow-y-auto border-r bg-background lg:flex', selectedNode ? 'flex' : 'hidden')}
        >
          {selectedNode ? (
            <>
              <Button variant="ghost" size="sm" className="m-2 mb-0 w-fit text-muted-foreground" onClick={() => editor.select(null)}>
                <ChevronLeftIcon />
                Agents
              </Button>
              <TaskInspector
                key={selectedNode.key}
                editor={editor}
                index={selectedNode.index}
                task={selectedNode.task}
                agents={agents}
                problems={editor.marks.byNode.get(selectedNode.key) ?? []}
                readOnly={readOnly}
                focusPrompt={justAdded === selectedNode.key}
              />
            </>
          ) : readOnly ? (
            <p className="p-4 text-sm text-muted-foreground">Select a task to see its prompt and settings. Only operators and admins can change plans.</p>
          ) : (
            <AgentPalette catalog={catalog} onAdd={(agent) => setAnnouncement(`Added the task ${editor.addTask(agent)}`)} />
          )}
        </aside>

        <div className="relative h-[65dvh] min-h-0 bg-muted/40 lg:h-auto dark:bg-muted/20">
          <PlanCanvas
            graph={editor.graph}
            positions={editor.state.positions}
            selected={editor.state.selected}
            problemsByKey={editor.marks.byNode}
            badEdges={editor.marks.badEdges}
            agentColors={agentColors}
            readOnly={readOnly}
            view={editor.view}
            onMove={editor.move}
            onSelect={editor.select}
            onConnect={editor.connect}
            onConnectRefused={editor.connectRefused}
            canConnect={editor.canConnect}
            onDelete={editor.remove}
            onDropAgent={(agent, at) => setAnnouncement(`Added the task ${editor.addTask(agent, { at })}`)}
            onMeasure={editor.measure}
            toolbar={
              <CanvasToolbar
                agents={agents}
                problems={editor.shownProblems}
                readOnly={readOnly}
                canLayOut={editor.graph.nodes.length > 0}
                onAdd={(agent) => setJustAdded(editor.addTask(agent, { select: true }))}
                onAutoLayout={editor.autoLayout}
                onSelectProblem={selectProblem}
              />
            }
            notice={editor.state.yamlBroken ? <BrokenYamlNotice /> : undefined}
            overlay={editor.graph.nodes.length === 0 ? <EmptyCanvasHint readOnly={readOnly} /> : undefined}
          />
        </div>

        {yamlShown && (
          <aside aria-label="YAML" className="min-h-0 overflow-y-auto border-t bg-background p-3 lg:border-t-0 lg:border-l">
            <YamlPanel editor={editor} baseline={baseline} schema={schema} readOnly={readOnly} />
          </aside>
        )}
      </div>
      <LeaveDialog blocker={guard.blocker} />
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  )
}
