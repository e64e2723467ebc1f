import { describe, expect, it } from 'vitest'

import {
  createChordMatcher,
  detectMac,
  displayKeys,
  matchesCombo,
  parseShortcut,
  type KeyEventLike,
} from './shortcuts'

const key = (k: string, mods: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: k,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('parseShortcut', () => {
  it('reads modifiers and the key', () => {
    expect(parseShortcut('Mod+K')).toEqual([{ key: 'k', mod: true, shift: false, alt: false }])
    expect(parseShortcut('Mod+Shift+P')).toEqual([{ key: 'p', mod: true, shift: true, alt: false }])
    expect(parseShortcut('Esc')).toEqual([{ key: 'escape', mod: false, shift: false, alt: false }])
  })

  it('reads chords and symbol keys', () => {
    expect(parseShortcut('g d').map((c) => c.key)).toEqual(['g', 'd'])
    expect(parseShortcut('?')[0]?.key).toBe('?')
    expect(parseShortcut('+')[0]?.key).toBe('+')
  })

  it('refuses what is not a shortcut', () => {
    expect(() => parseShortcut('')).toThrow()
    expect(() => parseShortcut('Mod+')).toThrow()
    expect(() => parseShortcut('a+b')).toThrow()
  })
})

describe('matchesCombo', () => {
  const [modK] = parseShortcut('Mod+K')
  it('takes ⌘ on a Mac and Ctrl elsewhere', () => {
    expect(matchesCombo(key('k', { metaKey: true }), modK!, true)).toBe(true)
    expect(matchesCombo(key('k', { ctrlKey: true }), modK!, true)).toBe(false)
    expect(matchesCombo(key('k', { ctrlKey: true }), modK!, false)).toBe(true)
    expect(matchesCombo(key('K', { ctrlKey: true }), modK!, false)).toBe(true)
    expect(matchesCombo(key('k'), modK!, false)).toBe(false)
  })

  it('matches "?" whatever Shift did to produce it, but not with a modifier', () => {
    const [help] = parseShortcut('?')
    expect(matchesCombo(key('?', { shiftKey: true }), help!, false)).toBe(true)
    expect(matchesCombo(key('?', { ctrlKey: true }), help!, false)).toBe(false)
  })

  it('does not take Shift+G for g', () => {
    const [g] = parseShortcut('g')
    expect(matchesCombo(key('G', { shiftKey: true }), g!, false)).toBe(false)
  })
})

describe('createChordMatcher', () => {
  const chords = {
    dashboard: parseShortcut('g d'),
    projects: parseShortcut('g p'),
    help: parseShortcut('?'),
  }

  it('completes a chord pressed in time', () => {
    const matcher = createChordMatcher(chords, false, 1000)
    expect(matcher.press(key('g'), 0)).toBeNull()
    expect(matcher.press(key('p'), 500)).toBe('projects')
  })

  it('forgets the first key after the timeout', () => {
    const matcher = createChordMatcher(chords, false, 1000)
    matcher.press(key('g'), 0)
    expect(matcher.press(key('d'), 1500)).toBeNull()
  })

  it('starts over on a key that does not continue, and takes single-key shortcuts', () => {
    const matcher = createChordMatcher(chords, false, 1000)
    matcher.press(key('g'), 0)
    expect(matcher.press(key('x'), 100)).toBeNull()
    expect(matcher.press(key('d'), 200)).toBeNull()
    expect(matcher.press(key('?', { shiftKey: true }), 300)).toBe('help')
    matcher.press(key('g'), 400)
    expect(matcher.press(key('g'), 500)).toBeNull()
    expect(matcher.press(key('d'), 600)).toBe('dashboard')
  })
})

describe('display', () => {
  it('shows keys as the platform names them', () => {
    expect(displayKeys(parseShortcut('Mod+K'), true)).toEqual([['⌘', 'K']])
    expect(displayKeys(parseShortcut('Mod+K'), false)).toEqual([['Ctrl', 'K']])
    expect(displayKeys(parseShortcut('g d'), false)).toEqual([['G'], ['D']])
    expect(displayKeys(parseShortcut('?'), false)).toEqual([['?']])
  })

  it('knows a Mac', () => {
    expect(detectMac('MacIntel')).toBe(true)
    expect(detectMac('iPhone')).toBe(true)
    expect(detectMac('Linux x86_64')).toBe(false)
    expect(detectMac(undefined)).toBe(false)
  })
})
