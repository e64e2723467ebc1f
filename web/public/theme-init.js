// Applies the saved theme before first paint so a dark-theme visit never flashes white.
// Loaded as a plain external script: the CSP allows script-src 'self' only. Keep in sync with src/lib/theme.ts.
;(function () {
  try {
    var stored = localStorage.getItem('baton-theme')
    var theme = stored === 'light' || stored === 'dark' ? stored : 'system'
    var dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
    var root = document.documentElement
    root.classList.toggle('dark', dark)
    root.style.colorScheme = dark ? 'dark' : 'light'
  } catch (e) {
    /* storage unavailable: fall back to the light theme */
  }
})()
