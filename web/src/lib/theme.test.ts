import { describe, expect, it } from 'vitest'

import { parseTheme, readStoredTheme, resolveTheme, THEME_STORAGE_KEY } from '@/lib/theme'

describe('resolveTheme', () => {
  it('uses an explicit choice whatever the system prefers', () => {
    expect(resolveTheme('dark', false)).toBe('dark')
    expect(resolveTheme('light', true)).toBe('light')
  })

  it('follows the system for "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
  })
})

describe('parseTheme / readStoredTheme', () => {
  it('reads a stored choice', () => {
    const storage = { getItem: (key: string) => (key === THEME_STORAGE_KEY ? 'dark' : null) }
    expect(readStoredTheme(storage)).toBe('dark')
  })

  it('falls back to "system" for nothing stored, junk, or storage that throws', () => {
    expect(parseTheme(null)).toBe('system')
    expect(parseTheme('DARK')).toBe('system')
    expect(readStoredTheme(undefined)).toBe('system')
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError')
      },
    }
    expect(readStoredTheme(throwing)).toBe('system')
  })
})
