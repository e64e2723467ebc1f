import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public', 'src/lib/api/schema.gen.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Features stay independent: inside a feature use relative imports; share through src/components or src/lib.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/features/*'], message: 'No imports across features; share through src/components or src/lib.' }] }],
    },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts', 'playwright.config.ts', 'playwright.bench.config.ts', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
    // Playwright fixtures call a function named `use`; they are not React hooks.
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // shadcn-style primitives export variants next to components, and the router is configuration, not a component module.
    files: ['src/components/ui/**/*.tsx', 'src/app/router.tsx'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
)
