import { SearchIcon } from 'lucide-react'

import { Button } from '@/components/ui/button'
import { Kbd } from '@/components/ui/command'

import { commandCenter } from '../hooks/use-command-center'
import { detectMac } from '../lib/shortcuts'

const IS_MAC = typeof navigator !== 'undefined' && detectMac(navigator.platform)

/** The header's way into the palette: a search box look on wide screens, an icon on phones. */
export function CommandPaletteTrigger() {
  return (
    <>
      <Button
        variant="outline"
        onClick={commandCenter.togglePalette}
        aria-label="Search and commands"
        aria-keyshortcuts={IS_MAC ? 'Meta+K' : 'Control+K'}
        className="hidden h-8 w-56 justify-start gap-2 px-2.5 font-normal text-muted-foreground shadow-none md:flex lg:w-64"
      >
        <SearchIcon />
        <span className="flex-1 text-left">Search…</span>
        <Kbd aria-hidden>{IS_MAC ? '⌘K' : 'Ctrl K'}</Kbd>
      </Button>
      <Button variant="ghost" size="icon" onClick={commandCenter.togglePalette} aria-label="Search and commands" className="md:hidden">
        <SearchIcon />
      </Button>
    </>
  )
}
