/** Actions the server records; the filter offers these, the table shows whatever comes. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reuse',
  'project.create',
  'project.update',
  'project.delete',
  'user.create',
  'user.update',
  'token.create',
  'token.revoke',
] as const

export const AUDIT_RESOURCE_TYPES = [
  { value: 'project', label: 'Project' },
  { value: 'user', label: 'User' },
  { value: 'token', label: 'API token' },
  { value: 'session', label: 'Session' },
] as const

export type ActionTone = 'success' | 'warning' | 'destructive' | 'muted'

/** Failures and removals stand out; additions are green; everything else is quiet. */
export function actionTone(action: string): ActionTone {
  if (action.endsWith('_failed') || action.endsWith('_reuse')) return 'destructive'
  if (action.endsWith('.delete') || action.endsWith('.revoke')) return 'warning'
  if (action.endsWith('.create')) return 'success'
  return 'muted'
}

function scalar(value: unknown): string {
  if (value === null) return 'none'
  if (Array.isArray(value)) return value.map(scalar).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** `{"role":"operator","changed":["role"]}` → `role: operator · changed: role`; empty for no detail. */
export function summarizeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return ''
  if (typeof detail !== 'object' || Array.isArray(detail)) return scalar(detail)
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${key.replaceAll('_', ' ')}: ${scalar(value)}`)
    .join(' · ')
}
