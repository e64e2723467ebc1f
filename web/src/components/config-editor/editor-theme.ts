import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { EditorView } from '@codemirror/view'
import { tags } from '@lezer/highlight'

/*
 * Colours come from the app's CSS variables (src/styles/index.css), so the editor follows the
 * light/dark switch on <html> without being reconfigured. The syntax palette is muted to sit in a
 * neutral UI: hue carries the meaning, not saturation.
 */
const lightSyntax = {
  '--syntax-key': 'oklch(0.47 0.14 255)',
  '--syntax-string': 'oklch(0.48 0.12 155)',
  '--syntax-number': 'oklch(0.54 0.14 50)',
  '--syntax-literal': 'oklch(0.5 0.17 305)',
  '--syntax-meta': 'oklch(0.52 0.1 205)',
  '--diff-inserted': 'color-mix(in oklch, var(--success) 12%, transparent)',
  '--diff-deleted': 'color-mix(in oklch, var(--destructive) 10%, transparent)',
}

const darkSyntax = {
  '--syntax-key': 'oklch(0.78 0.1 250)',
  '--syntax-string': 'oklch(0.8 0.11 155)',
  '--syntax-number': 'oklch(0.82 0.11 65)',
  '--syntax-literal': 'oklch(0.78 0.12 305)',
  '--syntax-meta': 'oklch(0.8 0.08 205)',
  '--diff-inserted': 'color-mix(in oklch, var(--success) 16%, transparent)',
  '--diff-deleted': 'color-mix(in oklch, var(--destructive) 18%, transparent)',
}

const selection = 'color-mix(in oklch, var(--ring) 30%, transparent)'

export const editorTheme = EditorView.theme({
  '&': {
    ...lightSyntax,
    color: 'var(--foreground)',
    backgroundColor: 'var(--background)',
    fontSize: '13px',
    maxHeight: 'var(--config-editor-max-height, 70vh)',
  },
  '.dark &': darkSyntax,
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'inherit', lineHeight: '1.65', overflow: 'auto' },
  '.cm-content, .cm-gutter': { minHeight: 'var(--config-editor-min-height, 12rem)' },
  '.cm-content': { caretColor: 'var(--foreground)', padding: '8px 0' },
  '.cm-line': { padding: '0 12px 0 8px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--foreground)', borderLeftWidth: '1.5px' },
  '.cm-selectionBackground, & .cm-selectionLayer .cm-selectionBackground': { background: selection },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': { background: selection },
  '.cm-gutters': {
    backgroundColor: 'var(--background)',
    color: 'color-mix(in oklch, var(--muted-foreground) 70%, transparent)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 6px 0 12px', minWidth: '32px' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in oklch, var(--accent) 55%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--foreground)' },
  '.cm-foldGutter .cm-gutterElement': { color: 'var(--muted-foreground)', cursor: 'pointer' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--muted)', border: '1px solid var(--border)', color: 'var(--muted-foreground)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: selection, outline: '1px solid color-mix(in oklch, var(--ring) 60%, transparent)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--diff-deleted)', color: 'var(--destructive)' },
  '.cm-specialChar': { color: 'var(--destructive)' },

  '.cm-lintRange': { backgroundImage: 'none', paddingBottom: '0', textDecorationLine: 'underline', textDecorationStyle: 'wavy', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-lintRange-error': { textDecorationColor: 'var(--destructive)' },
  '.cm-lintRange-warning': { textDecorationColor: 'var(--warning)' },
  '.cm-lintRange-active': { backgroundColor: 'var(--diff-deleted)' },

  '.cm-tooltip': {
    backgroundColor: 'var(--popover)',
    color: 'var(--popover-foreground)',
    border: '1px solid var(--border)',
    borderRadius: 'calc(var(--radius) - 2px)',
    boxShadow: '0 4px 16px oklch(0 0 0 / 12%)',
    fontFamily: 'ui-sans-serif, system-ui, sans-serif',
    fontSize: '12px',
    overflow: 'hidden',
  },
  '.cm-tooltip-lint': { padding: '0' },
  '.cm-diagnostic': { padding: '6px 10px 6px 8px', maxWidth: '28rem', borderLeftWidth: '3px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--destructive)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warning)' },
  '.cm-diagnosticSource': { color: 'var(--muted-foreground)', opacity: '1' },
  '.cm-config-help': { display: 'grid', gap: '4px', padding: '8px 10px', maxWidth: '26rem' },
  '.cm-config-help-path': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontWeight: '600' },
  '.cm-config-help-type': { color: 'var(--syntax-key)', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
  '.cm-config-help-detail': { color: 'var(--muted-foreground)' },

  '&.cm-merge-b .cm-changedLine, .cm-inlineChangedLine': { backgroundColor: 'var(--diff-inserted)' },
  '& .cm-deletedChunk': { backgroundColor: 'var(--diff-deleted)' },
  '&.cm-merge-b .cm-changedText': { background: 'color-mix(in oklch, var(--success) 28%, transparent)' },
  '& .cm-deletedChunk .cm-deletedText': { background: 'color-mix(in oklch, var(--destructive) 28%, transparent)' },
  '&.cm-merge-b .cm-changedLineGutter': { background: 'var(--success)' },
  '& .cm-deletedLineGutter': { background: 'var(--destructive)' },
  '& .cm-collapsedLines': {
    color: 'var(--muted-foreground)',
    background: 'var(--muted)',
    fontFamily: 'ui-sans-serif, system-ui, sans-serif',
    fontSize: '12px',
  },
})

const highlightStyle = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--syntax-key)' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--syntax-string)' },
  { tag: tags.number, color: 'var(--syntax-number)' },
  { tag: [tags.bool, tags.null, tags.keyword], color: 'var(--syntax-literal)' },
  { tag: [tags.labelName, tags.typeName, tags.meta, tags.attributeValue], color: 'var(--syntax-meta)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--muted-foreground)', fontStyle: 'italic' },
  { tag: [tags.separator, tags.brace, tags.squareBracket], color: 'var(--muted-foreground)' },
  { tag: tags.invalid, color: 'var(--destructive)' },
])

export const editorHighlighting = syntaxHighlighting(highlightStyle)
