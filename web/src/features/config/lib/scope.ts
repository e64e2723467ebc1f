/** Which configuration document: the global one, or one project's overrides. */
export type ConfigScope = { kind: 'global' } | { kind: 'project'; projectId: string; projectName: string }

export const GLOBAL_SCOPE: ConfigScope = { kind: 'global' }

/** `/api/config/global` or `/api/config/projects/{id}`: the document's endpoints live under it. */
export function scopePath(scope: ConfigScope): string {
  return scope.kind === 'global' ? '/api/config/global' : `/api/config/projects/${encodeURIComponent(scope.projectId)}`
}

/** Every query of one document starts with this key, so a save or revert can refresh them all. */
export function scopeKey(scope: ConfigScope): readonly string[] {
  return scope.kind === 'global' ? ['config', 'global'] : ['config', 'project', scope.projectId]
}

/** "the global configuration" / "shop's configuration", for toasts and dialogs. */
export function scopeTitle(scope: ConfigScope): string {
  return scope.kind === 'global' ? 'the global configuration' : `${scope.projectName}’s configuration`
}
