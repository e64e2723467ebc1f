import { unifiedMergeView } from '@codemirror/merge'
import { EditorState } from '@codemirror/state'
import { EditorView, lineNumbers } from '@codemirror/view'
import { useEffect, useRef } from 'react'

import { editorHighlighting, editorTheme } from './editor-theme'
import { languageFor } from './editor-language'
import type { ConfigFormat } from './source'

/** A read-only unified diff: deleted lines of the saved version above the new ones, long unchanged stretches folded. */
export function DiffView({ original, modified, format, label, dark }: { original: string; modified: string; format: ConfigFormat; label: string; dark: boolean }) {
  const hostRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const view = new EditorView({
      parent: hostRef.current!,
      state: EditorState.create({
        doc: modified,
        extensions: [
          lineNumbers(),
          EditorState.readOnly.of(true),
          languageFor(format),
          editorHighlighting,
          editorTheme,
          EditorView.darkTheme.of(dark),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
          unifiedMergeView({ original, mergeControls: false, gutter: true, collapseUnchanged: { margin: 3, minSize: 4 } }),
        ],
      }),
    })
    return () => view.destroy()
  }, [original, modified, format, label, dark])

  return <div ref={hostRef} className="overflow-hidden rounded-md border font-mono [--config-editor-max-height:55vh] [--config-editor-min-height:0]" />
}
