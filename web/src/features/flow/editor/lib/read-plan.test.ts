import { describe, expect, it } from 'vitest'

import { draftFromPlanInput, isWrittenAsPhases, phaseSlug } from './read-plan'

describe('draftFromPlanInput', () => {
  it('reads a plan written as tasks, with its settings', () => {
    const draft = draftFromPlanInput({
      name: 'checkout',
      max_parallel: 3,
      budget_usd: 5,
      on_failure: 'fail_fast',
      tasks: [
        { id: 'schema', agent: 'database-architect', prompt: 'Design' },
        { id: 'api', agent: 'backend-expert', depends_on: ['schema'], timeout: '30m', retries: 1 },
      ],
    })
    expect(draft).toEqual({
      name: 'checkout',
      max_parallel: 3,
      budget_usd: 5,
      on_failure: 'fail_fast',
      tasks: [
        { id: 'schema', agent: 'database-architect', prompt: 'Design', depends_on: [] },
        { id: 'api', agent: 'backend-expert', prompt: '', depends_on: ['schema'], timeout: '30m', retries: 1 },
      ],
    })
  })

  it('turns phases into tasks like the server: ids from the phase slug, each depending on the whole phase before', () => {
    const draft = draftFromPlanInput({
      name: 'level 2',
      phases: [
        { name: 'Research & Analysis', agents: ['business-analyst', { agent: 'competitive-intelligence-expert', prompt: 'Scan' }] },
        { name: 'Implementation', agents: ['backend-expert', 'frontend-expert'] },
        { agents: [{ id: 'ship', agent: 'devops' }] },
      ],
    })
    expect(draft.tasks.map((task) => [task.id, task.depends_on])).toEqual([
      ['research-analysis.business-analyst', []],
      ['research-analysis.competitive-intelligence-expert', []],
      ['implementation.backend-expert', ['research-analysis.business-analyst', 'research-analysis.competitive-intelligence-expert']],
      ['implementation.frontend-expert', ['research-analysis.business-analyst', 'research-analysis.competitive-intelligence-expert']],
      ['ship', ['implementation.backend-expert', 'implementation.frontend-expert']],
    ])
    // A bare agent name gets the phase's name as its prompt; a task keeps its own.
    expect(draft.tasks[0]!.prompt).toBe('Research & Analysis')
    expect(draft.tasks[1]!.prompt).toBe('Scan')
    expect(isWrittenAsPhases({ phases: [] })).toBe(true)
    expect(isWrittenAsPhases({ tasks: [] })).toBe(false)
  })

  it('reads a validated plan from the server, timeout in seconds written back as a duration', () => {
    const draft = draftFromPlanInput({
      name: 'saved',
      max_parallel: 4,
      budget_usd: null,
      on_failure: 'continue',
      tasks: [{ id: 'a', agent: 'x', prompt: 'p', depends_on: [], timeout_s: 5400, retries: 0, phase: 'Build' }],
    })
    expect(draft.tasks[0]).toEqual({ id: 'a', agent: 'x', prompt: 'p', depends_on: [], timeout: '1h30m', retries: 0 })
    expect(draft.budget_usd).toBeUndefined()
  })

  it('keeps every task item at its index, even one that is not a task, so problem paths still match', () => {
    const draft = draftFromPlanInput({ tasks: ['oops', { id: 7, agent: 'x', depends_on: ['a', { no: 1 }, 3] }] })
    expect(draft.name).toBe('')
    expect(draft.tasks).toEqual([
      { id: '', agent: '', prompt: '', depends_on: [] },
      { id: '7', agent: 'x', prompt: '', depends_on: ['a', '3'] },
    ])
  })

  it('reads anything that is not a plan as an empty one', () => {
    for (const value of [undefined, null, 'text', 42, [1, 2]]) expect(draftFromPlanInput(value)).toEqual({ name: '', tasks: [] })
    expect(draftFromPlanInput({ name: 'x', on_failure: 'explode', max_parallel: 'many' })).toEqual({ name: 'x', tasks: [] })
  })
})

describe('phaseSlug', () => {
  it('lowers and hyphenates like the server', () => {
    expect(phaseSlug('Research & Analysis')).toBe('research-analysis')
    expect(phaseSlug('  Phase 2 -- QA ')).toBe('phase-2-qa')
  })
})
