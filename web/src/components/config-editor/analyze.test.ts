import { describe, expect, it } from 'vitest'

import { analyzeConfig, describeProblem } from './analyze'

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['model'],
  properties: {
    model: { type: 'string' },
    timeout_s: { type: 'integer', minimum: 1 },
    command: { type: 'array', items: { type: 'string' } },
    env: { type: 'object', additionalProperties: { type: 'string' } },
  },
}

const YAML = `model: opus
command:
  - claude
  - 7
timeout_s: 0
env:
  FOO: 1
extra: true
`

function described(input: Parameters<typeof analyzeConfig>[0]) {
  return analyzeConfig(input).problems.map(describeProblem)
}

describe('analyzeConfig', () => {
  it('lists YAML schema problems in line order, as the list under the editor shows them', () => {
    expect(described({ text: YAML, format: 'yaml', schema: SCHEMA })).toEqual([
      'command[1]: must be a string, not a number (line 4)',
      'timeout_s: must be ≥ 1 (line 5)',
      'env.FOO: must be a string, not a number (line 7)',
      'extra: unknown key (allowed: model, timeout_s, command, env) (line 8)',
    ])
  })

  it('places the same problems in JSON', () => {
    const json = '{\n  "model": "opus",\n  "timeout_s": 0,\n  "env": {\n    "FOO": 1\n  }\n}\n'
    expect(described({ text: json, format: 'json', schema: SCHEMA })).toEqual([
      'timeout_s: must be ≥ 1 (line 3)',
      'env.FOO: must be a string, not a number (line 5)',
    ])
  })

  it('puts a missing required key on the line of its parent', () => {
    expect(described({ text: '# header\ntimeout_s: 5\n', format: 'yaml', schema: SCHEMA })).toEqual(['model: is required (line 2)'])
  })

  it('gives syntax errors a line and column, and blocks saving', () => {
    const analysis = analyzeConfig({ text: '{\n  "model": "opus",\n}', format: 'json', schema: SCHEMA })
    expect(analysis.problems.map(describeProblem)).toEqual(['Trailing comma is not allowed in JSON (line 2, column 18)'])
    expect(analysis).toMatchObject({ parsed: false, value: undefined, blocking: 1 })
  })

  it('requires an object at the top level', () => {
    expect(described({ text: '- a\n- b\n', format: 'yaml', schema: null })).toEqual([
      'The configuration must be an object (keys and values), not an array (line 1)',
    ])
  })

  it('validates nothing but syntax without a schema', () => {
    expect(analyzeConfig({ text: YAML, format: 'yaml', schema: null })).toMatchObject({ problems: [], blocking: 0, parsed: true })
  })

  it('places server errors at their line without blocking the save', () => {
    const analysis = analyzeConfig({ text: YAML, format: 'yaml', schema: null, serverErrors: { 'command[0]': 'not on the allow-list', 'env.FOO': 'reserved' } })
    expect(analysis.problems.map(describeProblem)).toEqual(['command[0]: not on the allow-list (line 3)', 'env.FOO: reserved (line 7)'])
    expect(analysis.problems.every((problem) => problem.source === 'server')).toBe(true)
    expect(analysis.blocking).toBe(0)
  })

  it('drops an error from a refused save once its value is edited', () => {
    const rejected = { value: { model: 'opus', timeout_s: 0 }, fields: { timeout_s: 'too short', model: 'unavailable' } }
    const unchanged = analyzeConfig({ text: 'model: opus\ntimeout_s: 0\n', format: 'yaml', schema: null, rejected })
    expect(unchanged.problems.map(describeProblem)).toEqual(['model: unavailable (line 1)', 'timeout_s: too short (line 2)'])
    const edited = analyzeConfig({ text: 'model: opus\ntimeout_s: 30\n', format: 'yaml', schema: null, rejected })
    expect(edited.problems.map(describeProblem)).toEqual(['model: unavailable (line 1)'])
  })

  it('keeps server errors, without a line, while the text does not parse', () => {
    const analysis = analyzeConfig({ text: 'model: [', format: 'yaml', schema: null, serverErrors: { model: 'unavailable' } })
    expect(analysis.problems.find((problem) => problem.source === 'server')).toMatchObject({ path: 'model', location: null })
  })
})

describe('analyzeConfig with the page’s own problems', () => {
  const PLAN = `name: p
tasks:
  - id: build
    agent: builder
  - id: test
    agent: ghost
    depends_on:
      - build
`

  it('places each at its path’s line, in line order with the rest, and counts errors as blocking', () => {
    const analysis = analyzeConfig({
      text: PLAN,
      format: 'yaml',
      schema: null,
      extraProblems: [
        { path: 'tasks[1].agent', message: 'unknown agent "ghost"' },
        { path: 'tasks[0].depends_on', message: 'not written, so its task is pointed at' },
        { path: null, message: 'the plan as a whole', severity: 'warning' },
      ],
    })
    expect(analysis.problems.map(describeProblem)).toEqual([
      'the plan as a whole (line 1)',
      'tasks[0].depends_on: not written, so its task is pointed at (line 3)',
      'tasks[1].agent: unknown agent "ghost" (line 6)',
    ])
    expect(analysis.problems.map((problem) => problem.source)).toEqual(['check', 'check', 'check'])
    expect(analysis.blocking).toBe(2)
  })

  it('still lists them, without a line, while the text does not parse', () => {
    const analysis = analyzeConfig({ text: 'name: [', format: 'yaml', schema: null, extraProblems: [{ path: 'tasks', message: 'no tasks' }] })
    expect(analysis.problems.find((problem) => problem.source === 'check')).toMatchObject({ path: 'tasks', location: null })
  })
})
