export type Theme = 'light' | 'dark' | 'system'
export type ResolvedTheme = 'light' | 'dark'

/** localStorage key; public/theme-init.js reads the same key before first paint. */
export const THEME_STORAGE_KEY = 'baton-theme'

export const THEMES: readonly Theme[] = ['light', 'dark', 'system']

/** A stored value from an older version or a hand edit must not break the app: anything unknown is "system". */
export function parseTheme(value: string | null | undefined): Theme {
  return value === 'light' || value === 'dark' || value === 'system' ? value : 'system'
}

export function resolveTheme(theme: Theme, systemPrefersDark: boolean): ResolvedTheme {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light'
  return theme
}

export function readStoredTheme(storage: Pick<Storage, 'getItem'> | undefined): Theme {
  try {
    return parseTheme(storage?.getItem(THEME_STORAGE_KEY))
  } catch {
    return 'system'
  }
}

export function applyResolvedTheme(root: HTMLElement, resolved: ResolvedTheme) {
  root.classList.toggle('dark', resolved === 'dark')
  root.style.colorScheme = resolved
}
