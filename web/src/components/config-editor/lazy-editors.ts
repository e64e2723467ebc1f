import { lazy } from 'react'

// CodeMirror and its merge view load on demand, apart from the page that shows the editor.
const loadCodeEditor = () => import('./code-editor')
const loadDiffView = () => import('./diff-view')

export const LazyCodeEditor = lazy(() => loadCodeEditor().then((module) => ({ default: module.CodeEditor })))
export const LazyDiffView = lazy(() => loadDiffView().then((module) => ({ default: module.DiffView })))

/** Starts loading the diff view once there is something to review, so the dialog opens at once. */
export function preloadDiffView() {
  void loadDiffView()
}
