import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit } from '@codemirror/language'
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { Compartment, EditorState } from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  hoverTooltip,
  keymap,
  lineNumbers,
  type Tooltip,
} from '@codemirror/view'

import { languageFor } from './editor-language'
import { editorHighlighting, editorTheme } from './editor-theme'
import { hangingIndent } from './hanging-indent'
import type { HoverHelp } from './hover-help'
import type { ConfigFormat } from './source'

export type EditorDiagnostics = { text: string; items: Diagnostic[] }

/** The props the editor reads when it builds a state or reacts to an event, always the current ones. */
export type EditorOptions = {
  text: string
  format: ConfigFormat
  readOnly: boolean
  label: string
  dark: boolean
  diagnostics: EditorDiagnostics
  onChange: (text: string) => void
  help?: (text: string, offset: number) => HoverHelp | null
  describedBy?: string
  /** Long lines wrap instead of scrolling sideways (e.g. prompts, in a narrow panel). */
  wrap?: boolean
}

const language = new Compartment()
const readOnlyMode = new Compartment()
const darkMode = new Compartment()
const attributes = new Compartment()
const wrapping = new Compartment()

function contentAttributes({ label, readOnly, describedBy }: Pick<EditorOptions, 'label' | 'readOnly' | 'describedBy'>) {
  const attrs: Record<string, string> = { 'aria-label': label }
  if (readOnly) attrs['aria-readonly'] = 'true'
  if (describedBy) attrs['aria-describedby'] = describedBy
  return EditorView.contentAttributes.of(attrs)
}

/** The parts that follow props without rebuilding the state (which would lose the undo history). */
export function reconfigure({ readOnly, dark, label, describedBy, wrap }: Pick<EditorOptions, 'readOnly' | 'dark' | 'label' | 'describedBy' | 'wrap'>) {
  return [
    readOnlyMode.reconfigure(EditorState.readOnly.of(readOnly)),
    darkMode.reconfigure(EditorView.darkTheme.of(dark)),
    attributes.reconfigure(contentAttributes({ readOnly, label, describedBy })),
    wrapping.reconfigure(wrap ? [EditorView.lineWrapping, hangingIndent] : []),
  ]
}

/** Everything the editor does, reading callbacks through `latest` so the view never needs rebuilding for new props. */
export function createState(latest: { current: EditorOptions }) {
  const props = latest.current
  return EditorState.create({
    doc: props.text,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      foldGutter(),
      lintGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      editorHighlighting,
      editorTheme,
      EditorState.tabSize.of(2),
      indentUnit.of('  '),
      // Tab indents; Escape then Tab leaves the editor (CodeMirror's built-in escape hatch).
      keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap, indentWithTab]),
      language.of(languageFor(props.format)),
      readOnlyMode.of(EditorState.readOnly.of(props.readOnly)),
      darkMode.of(EditorView.darkTheme.of(props.dark)),
      attributes.of(contentAttributes(props)),
      wrapping.of(props.wrap ? [EditorView.lineWrapping, hangingIndent] : []),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) latest.current.onChange(update.state.doc.toString())
      }),
      hoverTooltip((view, pos): Tooltip | null => {
        const help = latest.current.help?.(view.state.doc.toString(), pos)
        return help ? { pos: help.from, end: help.to, above: true, create: () => ({ dom: renderHelp(help) }) } : null
      }),
    ],
  })
}

/** Diagnostics are computed for one text; on any other their positions would point at the wrong place. */
export function showDiagnostics(view: EditorView, diagnostics: EditorDiagnostics) {
  if (view.state.doc.toString() !== diagnostics.text) return
  const length = view.state.doc.length
  const items = diagnostics.items.map((item) => ({ ...item, from: Math.min(item.from, length), to: Math.min(item.to, length) }))
  view.dispatch(setDiagnostics(view.state, items))
}

function renderHelp(help: HoverHelp): HTMLElement {
  const dom = document.createElement('div')
  dom.className = 'cm-config-help'
  const line = (className: string, text: string) => {
    const element = document.createElement('div')
    element.className = className
    element.textContent = text
    dom.append(element)
  }
  line('cm-config-help-path', help.path)
  if (help.type) line('cm-config-help-type', help.type)
  if (help.description) line('cm-config-help-description', help.description)
  for (const detail of help.details) line('cm-config-help-detail', detail)
  return dom
}
