import { describe, expect, it } from 'vitest'

import type { DraftTask, PlanDraft } from './plan-draft'
import { describeProblem, planProblems, serverProblems } from './plan-problems'

const task = (id: string, agent: string, ...depends_on: string[]): DraftTask => ({ id, agent, prompt: '', depends_on })
const plan = (...tasks: DraftTask[]): PlanDraft => ({ name: 'p', tasks })
const AGENTS = new Set(['builder', 'tester'])

describe('planProblems', () => {
  it('finds nothing wrong with a valid plan', () => {
    expect(planProblems(plan(task('build', 'builder'), task('test', 'tester', 'build')), AGENTS)).toEqual([])
  })

  it('places each problem at the field the server names, with the task it is about', () => {
    const problems = planProblems(
      plan(task('build', 'builder'), task('build', 'tester'), task('bad id!', 'ghost-agent', 'nowhere'), task('', '')),
      AGENTS,
    )
    expect(problems.map(describeProblem)).toEqual([
      'tasks[1].id: duplicate task id "build"',
      `tasks[2].id: "bad id!" must be 1–64 letters, digits, '-', '_' or '.'`,
      'tasks[2].agent: unknown agent "ghost-agent": it is not in the agent catalog',
      'tasks[2].depends_on: unknown task "nowhere"',
      'tasks[3].id: is required',
      'tasks[3].agent: is required (1 to 100 characters)',
    ])
    expect(problems.map((problem) => [problem.taskIndex, problem.taskId])).toEqual([
      [1, 'build'],
      [2, 'bad id!'],
      [2, 'bad id!'],
      [2, 'bad id!'],
      [3, ''],
      [3, ''],
    ])
    expect(problems.find((problem) => problem.kind === 'unknown-dependency')?.edge).toEqual({ from: 'nowhere', to: 'bad id!' })
  })

  it('does not block saving for an unknown agent: the server accepts it', () => {
    const [problem] = planProblems(plan(task('a', 'ghost')), AGENTS)
    expect(problem).toMatchObject({ kind: 'unknown-agent', blocking: false })
  })

  it('skips the agent check while the catalog is unknown', () => {
    expect(planProblems(plan(task('a', 'ghost')), null)).toEqual([])
  })

  it('reports a cycle with its path, at the dependency that closes it', () => {
    const problems = planProblems(plan(task('a', 'builder', 'c'), task('b', 'builder', 'a'), task('c', 'builder', 'b')), AGENTS)
    expect(problems).toEqual([
      {
        kind: 'cycle',
        path: 'tasks[0].depends_on',
        taskIndex: 0,
        taskId: 'a',
        edge: { from: 'c', to: 'a' },
        cycle: ['a', 'b', 'c', 'a'],
        message: 'dependency cycle: a → b → c → a',
        blocking: true,
      },
    ])
  })

  it('reports a task depending on itself once, where it is written', () => {
    expect(planProblems(plan(task('a', 'builder', 'a')), AGENTS).map(describeProblem)).toEqual(['tasks[0].depends_on: a task cannot depend on itself'])
  })

  it('checks the settings, the name, timeouts and retries like the server', () => {
    const draft: PlanDraft = {
      name: ' ',
      max_parallel: 0,
      budget_usd: -1,
      tasks: [{ ...task('a', 'builder'), timeout: '30x', retries: 11 }],
    }
    expect(planProblems(draft, AGENTS).map(describeProblem)).toEqual([
      'name: is required',
      'max_parallel: must be between 1 and 256',
      'budget_usd: must be a positive number of dollars',
      'tasks[0].timeout: "30x" is not a duration (use 90s, 30m, 2h or 1h30m)',
      'tasks[0].retries: must be a whole number from 0 to 10',
    ])
  })

  it('says when there are no tasks', () => {
    expect(planProblems(plan(), AGENTS).map(describeProblem)).toEqual(['tasks: the plan has no tasks'])
  })
})

describe('serverProblems', () => {
  it('ties field errors of a 422 to their task', () => {
    const problems = serverProblems({ 'tasks[1].depends_on': 'unknown task "x"', name: 'is required' }, plan(task('a', 'x'), task('b', 'y')))
    expect(problems).toEqual([
      { kind: 'server', path: 'tasks[1].depends_on', message: 'unknown task "x"', taskIndex: 1, taskId: 'b', blocking: true },
      { kind: 'server', path: 'name', message: 'is required', taskIndex: undefined, taskId: undefined, blocking: true },
    ])
  })
})
