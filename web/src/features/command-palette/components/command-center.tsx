import { useGlobalShortcuts } from '../hooks/use-global-shortcuts'
import { CommandPalette } from './command-palette'
import { ShortcutsDialog } from './shortcuts-dialog'

/** The keyboard layer of the signed-in app: the palette, the shortcuts help and the keys that open them. */
export function CommandCenter() {
  useGlobalShortcuts()
  return (
    <>
      <CommandPalette />
      <ShortcutsDialog />
    </>
  )
}
