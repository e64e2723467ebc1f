import { RangeSetBuilder } from '@codemirror/state'
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view'

/** The theme's left padding of a line (editor-theme.ts), kept when a line gets its own. */
const LINE_PADDING = '8px'

/**
 * With wrapping on, a wrapped line continues under its own text, not at the left edge: each line
 * is padded by its indentation (a list item's `- ` included) plus two, and its first row pulled
 * back by as much, so a long `prompt:` reads as one block. Only visible lines are decorated.
 */
export const hangingIndent = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = decorate(view)
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view)
    }
  },
  { decorations: (plugin) => plugin.decorations },
)

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  for (const { from, to } of view.visibleRanges) {
    for (let position = from; position <= to; ) {
      const line = view.state.doc.lineAt(position)
      const indent = (/^[ \t]*(?:- )?/.exec(line.text)?.[0].length ?? 0) + 2
      const style = `padding-left: calc(${indent}ch + ${LINE_PADDING}); text-indent: -${indent}ch`
      builder.add(line.from, line.from, Decoration.line({ attributes: { style } }))
      position = line.to + 1
    }
  }
  return builder.finish()
}
