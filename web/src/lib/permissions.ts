import type { components } from '@/lib/api/schema.gen'

export type Role = components['schemas']['Role']
export type TokenRole = components['schemas']['TokenRole']

/** Ordered: each role may do everything the one before it may. */
export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin']

/**
 * What each action needs, mirroring the server's checks. The server is the authority (it answers
 * 403); the app uses this table only to hide controls that would fail.
 */
const REQUIRED_ROLE = {
  'projects:read': 'viewer',
  'projects:write': 'operator',
  'executions:control': 'operator',
  // PUT /api/agents/{name}/config
  'agents:configure': 'operator',
  'users:manage': 'admin',
  'tokens:manage': 'admin',
  'audit:read': 'admin',
} as const satisfies Record<string, Role>

export type Permission = keyof typeof REQUIRED_ROLE

export function can(role: TokenRole | null | undefined, permission: Permission): boolean {
  // `ingest` tokens only post events; they never use the app.
  if (!role || role === 'ingest') return false
  return ROLES.indexOf(role) >= ROLES.indexOf(REQUIRED_ROLE[permission])
}

export const ROLE_LABELS: Record<TokenRole, string> = {
  viewer: 'Viewer',
  operator: 'Operator',
  admin: 'Admin',
  ingest: 'Ingest',
}

/** One line on what each role may do, for role pickers and the account page. */
export const ROLE_DESCRIPTIONS: Record<TokenRole, string> = {
  viewer: 'Sees everything: projects, executions and their output. Changes nothing.',
  operator: 'Also creates, edits and deletes projects, starts and stops executions, and configures agents.',
  admin: 'Also manages users and API tokens, and reads the audit log.',
  ingest: 'Only posts events (agent hooks, notifications). Cannot read anything: the safest choice for scripts.',
}
