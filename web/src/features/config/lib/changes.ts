import type { ConfigChange, ConfigVersion } from '../api/types'
import { formatValue } from './values'

function isEmpty(value: unknown) {
  return value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
}

/** Leaves out changes that change nothing a person would see: the whole document going from empty to unset or back. */
export function meaningfulChanges(changes: readonly ConfigChange[]): ConfigChange[] {
  return changes.filter((change) => !(change.path === '' && isEmpty(change.before) && isEmpty(change.after)))
}

/** A change's path for people; the root is the whole document. */
export function pathLabel(path: string): string {
  return path === '' ? '(whole document)' : path
}

export type ChangeKind = 'added' | 'removed' | 'changed'

export function changeKind(change: ConfigChange): ChangeKind {
  if (change.before === null || change.before === undefined) return 'added'
  if (change.after === null || change.after === undefined) return 'removed'
  return 'changed'
}

/** `limits.max_agents: 1 → 3`, `env.TOKEN set to ********`, `runner.claude_bin removed`. */
export function describeChange(change: ConfigChange): string {
  switch (changeKind(change)) {
    case 'added':
      return `${pathLabel(change.path)} set to ${formatValue(change.after)}`
    case 'removed':
      return `${pathLabel(change.path)} removed`
    case 'changed':
      return `${pathLabel(change.path)}: ${formatValue(change.before)} → ${formatValue(change.after)}`
  }
}

/**
 * One line on what a version changed: the change itself when there is one, else the paths (the
 * first two and how many more), or that it was a revert.
 */
export function summarizeVersion(version: Pick<ConfigVersion, 'changes' | 'reverted_from'>): string {
  const { reverted_from } = version
  const changes = meaningfulChanges(version.changes)
  const prefix = reverted_from !== null ? `Reverted to version ${reverted_from}` : ''
  const [first, second] = changes
  let body: string
  if (!first) return prefix || 'No changes'
  if (!second) body = describeChange(first)
  else if (changes.length === 2) body = `${pathLabel(first.path)} and ${pathLabel(second.path)}`
  else body = `${pathLabel(first.path)}, ${pathLabel(second.path)} and ${changes.length - 2} more`
  return prefix ? `${prefix}: ${body}` : body
}

/** The two versions to compare, older first; `to` null is the current version. */
export function compareRange(selected: readonly number[]): { from: number; to: number | null } | null {
  if (selected.length === 0) return null
  const from = Math.min(...selected)
  const to = Math.max(...selected)
  return { from, to: from === to ? null : to }
}

/** Selecting a third version drops the oldest selection, so two stay selected. */
export function toggleSelection(selected: readonly number[], version: number): number[] {
  if (selected.includes(version)) return selected.filter((v) => v !== version)
  return [...selected, version].slice(-2)
}
