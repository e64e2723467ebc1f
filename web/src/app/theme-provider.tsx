import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'

import { ThemeContext } from '@/app/theme-context'
import { applyResolvedTheme, readStoredTheme, resolveTheme, THEME_STORAGE_KEY, type Theme } from '@/lib/theme'

const DARK_QUERY = '(prefers-color-scheme: dark)'

function subscribeToSystemTheme(onChange: () => void) {
  const media = window.matchMedia(DARK_QUERY)
  media.addEventListener('change', onChange)
  return () => media.removeEventListener('change', onChange)
}

const systemPrefersDark = () => window.matchMedia(DARK_QUERY).matches

/** Owns the theme choice; public/theme-init.js has already applied it before React started. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setThemeState] = useState<Theme>(() => readStoredTheme(window.localStorage))
  const prefersDark = useSyncExternalStore(subscribeToSystemTheme, systemPrefersDark)
  const resolvedTheme = resolveTheme(theme, prefersDark)

  useEffect(() => {
    applyResolvedTheme(document.documentElement, resolvedTheme)
  }, [resolvedTheme])

  const setTheme = useCallback((next: Theme) => {
    setThemeState(next)
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, next)
    } catch {
      // Private mode or storage disabled: the choice lasts for this visit only.
    }
  }, [])

  const value = useMemo(() => ({ theme, resolvedTheme, setTheme }), [theme, resolvedTheme, setTheme])
  return <ThemeContext value={value}>{children}</ThemeContext>
}
