import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}

const isDark = () => document.documentElement.classList.contains('dark')

/** Whether the app is dark right now: the theme provider toggles `dark` on <html>. */
export function useDocumentDark(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false)
}
