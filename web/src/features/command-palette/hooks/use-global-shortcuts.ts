import { useEffect } from 'react'
import { useNavigate } from 'react-router'

import { PAGES } from '../lib/catalog'
import { createChordMatcher, detectMac, isEditableTarget, matchesCombo, parseShortcut, type Shortcut } from '../lib/shortcuts'
import { commandCenter } from './use-command-center'

const PALETTE = parseShortcut('Mod+K')[0]!

/** A dialog or menu of the page has the keyboard: single-key shortcuts stay out of its way. */
function somethingModalOpen() {
  return document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"], [role="menu"]') !== null
}

/** Mod+K (anywhere, even in a field), `?` and the `g` chords (not while typing or in a dialog). */
export function useGlobalShortcuts() {
  const navigate = useNavigate()
  useEffect(() => {
    const isMac = detectMac(navigator.platform)
    const chords: Record<string, Shortcut> = { help: parseShortcut('?') }
    for (const page of PAGES) if (page.chord) chords[page.path] = parseShortcut(page.chord)
    const matcher = createChordMatcher(chords, isMac)

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      if (matchesCombo(event, PALETTE, isMac)) {
        event.preventDefault()
        commandCenter.togglePalette()
        return
      }
      if (event.repeat || isEditableTarget(event.target) || somethingModalOpen()) {
        matcher.reset()
        return
      }
      const hit = matcher.press(event, performance.now())
      if (hit === null) return
      event.preventDefault()
      if (hit === 'help') commandCenter.setHelpOpen(true)
      else void navigate(hit)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [navigate])
}
