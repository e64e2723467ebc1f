import { describe, expect, it } from 'vitest'

import { problemsKey } from './problems'

const a = { path: '/home/me/.claude/agent-registry.json', error: 'expected value at line 3 column 1' }
const b = { path: '/srv/agents/agent-registry.json', error: 'permission denied' }

describe('problemsKey', () => {
  it('is the same for the same problems in any order', () => {
    expect(problemsKey([a, b])).toBe(problemsKey([b, a]))
  })

  it('changes when a problem is added or its error changes', () => {
    expect(problemsKey([a, b])).not.toBe(problemsKey([a]))
    expect(problemsKey([a])).not.toBe(problemsKey([{ ...a, error: 'expected value at line 4 column 2' }]))
  })
})
