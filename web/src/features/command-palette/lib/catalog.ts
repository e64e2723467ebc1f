import type { Permission } from '@/lib/permissions'

/** A page the palette and the `g` chords can go to; `needs` hides it from roles that cannot open it. */
export type PageEntry = {
  id: string
  label: string
  path: string
  keywords: readonly string[]
  /** A `g x` chord, for the pages people visit most. */
  chord?: string
  needs?: Permission
  group: 'Pages' | 'Settings'
}

export const PAGES: readonly PageEntry[] = [
  { id: 'dashboard', label: 'Dashboard', path: '/', keywords: ['home', 'agents', 'metrics', 'activity', 'health'], chord: 'g d', group: 'Pages' },
  { id: 'projects', label: 'Projects', path: '/projects', keywords: ['workspaces'], chord: 'g p', group: 'Pages' },
  { id: 'executions', label: 'Executions', path: '/executions', keywords: ['runs', 'history', 'logs'], chord: 'g e', group: 'Pages' },
  { id: 'agents', label: 'Agents', path: '/agents', keywords: ['subagents', 'catalog', 'prompts', 'configuration'], chord: 'g a', group: 'Pages' },
  { id: 'account', label: 'Account', path: '/settings/account', keywords: ['settings', 'password', 'profile'], chord: 'g s', group: 'Settings' },
  { id: 'users', label: 'Users', path: '/settings/users', keywords: ['settings', 'people', 'roles'], needs: 'users:manage', group: 'Settings' },
  { id: 'tokens', label: 'API tokens', path: '/settings/tokens', keywords: ['settings', 'keys', 'hooks'], needs: 'tokens:manage', group: 'Settings' },
  { id: 'audit', label: 'Audit log', path: '/settings/audit', keywords: ['settings', 'history', 'changes'], needs: 'audit:read', group: 'Settings' },
]

export type ShortcutHelp = { keys: string; label: string }

/** Everything the keyboard does, as the `?` dialog lists it. */
export const SHORTCUT_GROUPS: readonly { title: string; items: readonly ShortcutHelp[] }[] = [
  {
    title: 'General',
    items: [
      { keys: 'Mod+K', label: 'Open the command palette' },
      { keys: '?', label: 'Show keyboard shortcuts' },
      { keys: 'Esc', label: 'Close a dialog, menu or popover' },
    ],
  },
  {
    title: 'Go to',
    items: PAGES.filter((page) => page.chord).map((page) => ({ keys: page.chord!, label: page.id === 'account' ? 'Settings' : page.label })),
  },
  {
    title: 'In the command palette',
    items: [
      { keys: 'ArrowUp', label: 'Previous result' },
      { keys: 'ArrowDown', label: 'Next result' },
      { keys: 'Enter', label: 'Open the selected result' },
    ],
  },
]
