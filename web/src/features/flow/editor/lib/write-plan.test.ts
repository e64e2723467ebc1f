import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'

import { draftFromPlanInput } from './read-plan'
import { draftToPlanInput } from './write-plan'

describe('draftToPlanInput', () => {
  it('always writes tasks, leaves out defaults and empty fields, and keeps the reading order of keys', () => {
    const input = draftToPlanInput({
      name: 'checkout',
      max_parallel: 4,
      on_failure: 'continue',
      tasks: [
        { id: 'schema', agent: 'database-architect', prompt: '', depends_on: [], retries: 0, timeout: ' ' },
        { retries: 2, timeout: '30m', depends_on: ['schema'], prompt: 'Build it', agent: 'backend-expert', id: 'api' },
      ],
    })
    expect(stringify(input)).toBe(
      [
        'name: checkout',
        'tasks:',
        '  - id: schema',
        '    agent: database-architect',
        '  - id: api',
        '    agent: backend-expert',
        '    prompt: Build it',
        '    depends_on:',
        '      - schema',
        '    timeout: 30m',
        '    retries: 2',
        '',
      ].join('\n'),
    )
  })

  it('writes settings that differ from the defaults before the tasks', () => {
    const input = draftToPlanInput({ name: 'x', tasks: [], on_failure: 'fail_fast', budget_usd: 2.5, max_parallel: 2 })
    expect(Object.keys(input)).toEqual(['name', 'max_parallel', 'budget_usd', 'on_failure', 'tasks'])
  })

  it('round-trips phases into the tasks form the server reads the same way', () => {
    const draft = draftFromPlanInput({ name: 'p', phases: [{ name: 'A', agents: ['x'] }, { name: 'B', agents: ['y'] }] })
    expect(draftToPlanInput(draft)).toEqual({
      name: 'p',
      tasks: [
        { id: 'a.x', agent: 'x', prompt: 'A' },
        { id: 'b.y', agent: 'y', prompt: 'B', depends_on: ['a.x'] },
      ],
    })
  })

  it('keeps values the server would refuse, so their problem stays in view', () => {
    const input = draftToPlanInput({ name: '', max_parallel: 0, tasks: [{ id: 'a b', agent: 'x', prompt: '', depends_on: [], retries: -1 }] })
    expect(input).toEqual({ name: '', max_parallel: 0, tasks: [{ id: 'a b', agent: 'x', retries: -1 }] })
  })
})
