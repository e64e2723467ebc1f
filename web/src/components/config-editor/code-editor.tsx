import { isolateHistory, undo } from '@codemirror/commands'
import { EditorView } from '@codemirror/view'
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react'

import { createState, reconfigure, showDiagnostics, type EditorOptions } from './editor-state'
import { minimalChange } from './text-change'

export type CodeEditorHandle = {
  /** Selects a range, scrolls it to the middle and focuses the editor: how a problem in the list is opened. */
  select: (from: number, to: number) => void
  focus: () => void
  undo: () => void
}

export type CodeEditorProps = EditorOptions & { ref?: Ref<CodeEditorHandle> }

/** CodeMirror 6, driven by props: the text is owned by the parent, the editor reports every change. */
export function CodeEditor({ text, format, readOnly, label, dark, diagnostics, onChange, help, describedBy, wrap, ref }: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const shownFormat = useRef(format)
  const latest = useRef<EditorOptions>({ text, format, diagnostics, onChange, help, readOnly, label, dark, describedBy, wrap })

  useLayoutEffect(() => {
    latest.current = { text, format, diagnostics, onChange, help, readOnly, label, dark, describedBy, wrap }
  })

  useEffect(() => {
    // Built from the latest props, not the first ones: effects can be re-run on a live component.
    const view = new EditorView({ parent: hostRef.current!, state: createState(latest) })
    shownFormat.current = latest.current.format
    showDiagnostics(view, latest.current.diagnostics)
    viewRef.current = view
    return () => {
      view.destroy()
      viewRef.current = null
    }
  }, [])

  useEffect(() => {
    const view = viewRef.current
    if (!view) return
    if (shownFormat.current !== format) {
      // A fresh state, history included: undoing across a format switch would mix two syntaxes.
      shownFormat.current = format
      view.setState(createState(latest))
      return
    }
    const current = view.state.doc.toString()
    if (current !== text) view.dispatch({ changes: minimalChange(current, text), annotations: isolateHistory.of('full') })
  }, [text, format])

  useEffect(() => {
    if (viewRef.current) showDiagnostics(viewRef.current, diagnostics)
  }, [diagnostics])

  useEffect(() => {
    viewRef.current?.dispatch({ effects: reconfigure({ readOnly, dark, label, describedBy, wrap }) })
  }, [readOnly, dark, label, describedBy, wrap])

  useImperativeHandle(
    ref,
    () => ({
      select: (from, to) => {
        const view = viewRef.current
        if (!view) return
        const length = view.state.doc.length
        const anchor = Math.min(from, length)
        view.dispatch({ selection: { anchor, head: Math.min(to, length) }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) })
        view.focus()
      },
      focus: () => viewRef.current?.focus(),
      undo: () => {
        const view = viewRef.current
        if (view) undo(view)
      },
    }),
    [],
  )

  return <div ref={hostRef} className="font-mono" />
}
