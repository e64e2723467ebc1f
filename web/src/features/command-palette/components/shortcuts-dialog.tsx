import { Kbd } from '@/components/ui/command'
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog'

import { commandCenter, useCommandCenter } from '../hooks/use-command-center'
import { SHORTCUT_GROUPS } from '../lib/catalog'
import { detectMac, displayKeys, parseShortcut } from '../lib/shortcuts'

const IS_MAC = typeof navigator !== 'undefined' && detectMac(navigator.platform)

function KeySequence({ shortcut }: { shortcut: string }) {
  const steps = displayKeys(parseShortcut(shortcut), IS_MAC)
  return (
    <span className="flex shrink-0 items-center gap-1">
      {steps.map((keys, i) => (
        <span key={i} className="flex items-center gap-1">
          {i > 0 && <span className="text-[11px] text-muted-foreground">then</span>}
          {keys.map((key) => (
            <Kbd key={key} className="h-6 min-w-6 px-1.5 text-xs">
              {key}
            </Kbd>
          ))}
        </span>
      ))}
    </span>
  )
}

/** Everything the keyboard does, on `?`. */
export function ShortcutsDialog() {
  const { help: open } = useCommandCenter()
  return (
    <Dialog open={open} onOpenChange={commandCenter.setHelpOpen}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Single keys work anywhere but in a text field.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-5">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.title} aria-labelledby={`shortcuts-${group.title}`}>
              <h3 id={`shortcuts-${group.title}`} className="mb-1.5 text-xs font-medium text-muted-foreground">
                {group.title}
              </h3>
              <dl className="grid divide-y rounded-lg border">
                {group.items.map((item) => (
                  <div key={item.keys} className="flex items-center justify-between gap-4 px-3 py-2">
                    <dt className="text-sm">{item.label}</dt>
                    <dd>
                      <KeySequence shortcut={item.keys} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  )
}
