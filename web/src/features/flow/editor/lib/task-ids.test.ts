import { describe, expect, it } from 'vitest'

import { isValidTaskId, uniqueTaskId } from './task-ids'

describe('task ids', () => {
  it('follows the server: 1–64 of letters, digits, - _ .', () => {
    expect(isValidTaskId('research-analysis.business_analyst')).toBe(true)
    for (const id of ['', 'a b', 'a/b', 'é', 'x'.repeat(65)]) expect(isValidTaskId(id), id).toBe(false)
  })

  it('names a new task after its agent, made valid and unique', () => {
    expect(uniqueTaskId('backend-expert', [])).toBe('backend-expert')
    expect(uniqueTaskId('backend-expert', ['backend-expert', 'backend-expert-2'])).toBe('backend-expert-3')
    expect(uniqueTaskId('  QA & Test Engineer ', [])).toBe('qa-test-engineer')
    expect(uniqueTaskId('***', [])).toBe('task')
    const long = uniqueTaskId('a'.repeat(80), ['a'.repeat(64)])
    expect(long).toBe(`${'a'.repeat(62)}-2`)
    expect(isValidTaskId(long)).toBe(true)
  })
})
