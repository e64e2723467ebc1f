/**
 * Keyboard shortcuts: how they are written ("Mod+K", "g d", "?"), matched against key events, and
 * shown (⌘K on a Mac, Ctrl K elsewhere). Pure, so the parsing and the chord timing are tested.
 */

/** One key press: a key and the modifiers that must be held. `mod` is ⌘ on a Mac, Ctrl elsewhere. */
export type KeyCombo = { key: string; mod: boolean; shift: boolean; alt: boolean }

/** A shortcut is one combo ("Mod+K", "?") or a chord of them pressed one after the other ("g d"). */
export type Shortcut = KeyCombo[]

const MODIFIERS = new Set(['mod', 'shift', 'alt'])

const KEY_NAMES: Record<string, string> = { esc: 'escape', space: ' ', return: 'enter' }

/** "Mod+K" → [{ key: 'k', mod: true }], "g d" → [g, d]. Throws on something that is not a shortcut. */
export function parseShortcut(text: string): Shortcut {
  const steps = text.trim().split(/\s+/).filter(Boolean)
  if (steps.length === 0) throw new Error('empty shortcut')
  return steps.map((step) => {
    // "Shift++" would be odd; a lone "+" is the plus key.
    const parts = step === '+' ? ['+'] : step.split('+')
    const combo: KeyCombo = { key: '', mod: false, shift: false, alt: false }
    for (const raw of parts) {
      const part = raw.toLowerCase()
      if (part === '') throw new Error(`bad shortcut: ${text}`)
      if (MODIFIERS.has(part) && parts.length > 1 && raw !== parts.at(-1)) {
        combo[part as 'mod' | 'shift' | 'alt'] = true
      } else {
        if (combo.key) throw new Error(`two keys in one step: ${text}`)
        combo.key = KEY_NAMES[part] ?? part
      }
    }
    if (!combo.key) throw new Error(`no key in: ${text}`)
    return combo
  })
}

export type KeyEventLike = Pick<KeyboardEvent, 'key' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey'>

/**
 * Whether the event is this combo. Shift is only compared for letters: "?" is Shift+/ on most
 * layouts and comes as key "?" already.
 */
export function matchesCombo(event: KeyEventLike, combo: KeyCombo, isMac: boolean): boolean {
  if (event.key.toLowerCase() !== combo.key) return false
  const mod = isMac ? event.metaKey : event.ctrlKey
  const otherMod = isMac ? event.ctrlKey : event.metaKey
  if (mod !== combo.mod || otherMod) return false
  if (event.altKey !== combo.alt) return false
  if (/^[a-z]$/.test(combo.key) && event.shiftKey !== combo.shift) return false
  return true
}

/** The keys as shown: ["⌘", "K"] on a Mac, ["Ctrl", "K"] elsewhere; a chord gives its steps. */
export function displayKeys(shortcut: Shortcut, isMac: boolean): string[][] {
  return shortcut.map((combo) => {
    const keys: string[] = []
    if (combo.mod) keys.push(isMac ? '⌘' : 'Ctrl')
    if (combo.alt) keys.push(isMac ? '⌥' : 'Alt')
    if (combo.shift) keys.push(isMac ? '⇧' : 'Shift')
    keys.push(displayKey(combo.key))
    return keys
  })
}

function displayKey(key: string): string {
  switch (key) {
    case 'escape':
      return 'Esc'
    case 'enter':
      return 'Enter'
    case 'arrowup':
      return '↑'
    case 'arrowdown':
      return '↓'
    case ' ':
      return 'Space'
    default:
      return key.length === 1 ? key.toUpperCase() : key
  }
}

/** How long the second key of a chord ("g", then "d") may wait. */
export const CHORD_TIMEOUT_MS = 1200

/**
 * Follows chords over a stream of key presses: `press` returns the id of the chord the press
 * completes, or null. A chord step that does not follow in time starts over.
 */
export function createChordMatcher<Id extends string>(chords: Record<Id, Shortcut>, isMac: boolean, timeoutMs = CHORD_TIMEOUT_MS) {
  let pending: { shortcut: Shortcut; id: Id; step: number }[] = []
  let lastAt = 0
  const entries = Object.entries(chords) as [Id, Shortcut][]

  return {
    press(event: KeyEventLike, now: number): Id | null {
      if (now - lastAt > timeoutMs) pending = []
      lastAt = now
      const advanced = pending.filter((p) => matchesCombo(event, p.shortcut[p.step]!, isMac)).map((p) => ({ ...p, step: p.step + 1 }))
      const done = advanced.find((p) => p.step === p.shortcut.length)
      if (done) {
        pending = []
        return done.id
      }
      if (advanced.length > 0) {
        pending = advanced
        return null
      }
      // Not a continuation: maybe the start of a chord (or a one-step shortcut).
      const started = entries.filter(([, shortcut]) => matchesCombo(event, shortcut[0]!, isMac))
      const single = started.find(([, shortcut]) => shortcut.length === 1)
      if (single) {
        pending = []
        return single[0]
      }
      pending = started.map(([id, shortcut]) => ({ id, shortcut, step: 1 }))
      return null
    },
    reset() {
      pending = []
    },
  }
}

/** Typing in a field (or an editor) is not a shortcut, except with a modifier such as Mod+K. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const element = target as HTMLElement
  if (element.isContentEditable) return true
  return element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]') !== null
}

export function detectMac(platform: string | undefined): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform ?? '')
}
