// `make bench`'s browser benchmarks (bench/*.bench.ts): the e2e set-up (a fresh server on the
// release binary, Debian's Chromium), one run, no retries, numbers printed.
import { defineConfig } from '@playwright/test'

import e2e from './playwright.config'

export default defineConfig({
  ...e2e,
  testDir: './bench',
  testMatch: '*.bench.ts',
  retries: 0,
  grep: undefined,
  grepInvert: undefined,
  reporter: 'list',
  timeout: 300_000,
})
