import { jsonEqual } from '@/lib/json'

import { formatPath, type PathSegment } from './path'
import { isRecord } from './schema'

export type Change = { path: string; kind: 'added' | 'removed' | 'changed' }

/** What a save changes, key by key: the summary above the diff ("timeout_s changed, env.FOO added"). */
export function listChanges(before: unknown, after: unknown): Change[] {
  const changes: Change[] = []
  collect(before, after, [], changes)
  return changes
}

function collect(before: unknown, after: unknown, path: PathSegment[], changes: Change[]) {
  if (isRecord(before) && isRecord(after)) {
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) changes.push({ path: formatPath([...path, key]), kind: 'removed' })
      else collect(before[key], after[key], [...path, key], changes)
    }
    for (const key of Object.keys(after)) {
      if (!Object.hasOwn(before, key)) changes.push({ path: formatPath([...path, key]), kind: 'added' })
    }
    return
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, index) => collect(item, after[index], [...path, index], changes))
    return
  }
  if (!jsonEqual(before, after)) changes.push({ path: path.length === 0 ? '(whole configuration)' : formatPath(path), kind: 'changed' })
}

