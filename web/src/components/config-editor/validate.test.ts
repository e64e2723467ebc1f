import { describe, expect, it } from 'vitest'

import { validate } from './validate'

const AGENT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['model', 'command'],
  properties: {
    model: { type: 'string', enum: ['opus', 'sonnet', 'haiku'], description: 'Which model runs the agent.' },
    timeout_s: { type: 'integer', minimum: 1, maximum: 86400, default: 600 },
    temperature: { type: ['number', 'null'], minimum: 0, exclusiveMaximum: 2 },
    command: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    env: { type: 'object', additionalProperties: { type: 'string' } },
    limits: { $ref: '#/$defs/limits' },
    tools: { anyOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'string' } }] },
  },
  $defs: {
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: { turns: { type: 'integer', exclusiveMinimum: 0 }, budget_usd: { type: 'number', minimum: 0 } },
    },
  },
}

const valid = { model: 'opus', command: ['claude', '-p'], timeout_s: 600, env: { FOO: 'bar' }, limits: { turns: 3 }, tools: 'all' }

function issues(value: unknown, schema: Record<string, unknown> | boolean = AGENT_SCHEMA) {
  return validate(value, schema).map((issue) => ({ path: issue.path, message: issue.message, target: issue.target }))
}

describe('validate', () => {
  it('accepts a valid configuration', () => {
    expect(issues(valid)).toEqual([])
    expect(issues({ ...valid, temperature: null, tools: ['Read', 'Edit'] })).toEqual([])
  })

  it('reports a wrong type, naming what was found', () => {
    expect(issues({ ...valid, timeout_s: '600' })).toEqual([{ path: ['timeout_s'], message: 'must be an integer, not a string', target: 'value' }])
    expect(issues({ ...valid, timeout_s: 1.5 })).toEqual([{ path: ['timeout_s'], message: 'must be an integer, not 1.5', target: 'value' }])
    expect(issues({ ...valid, temperature: 'hot' })[0]?.message).toBe('must be a number or null, not a string')
    expect(issues({ ...valid, env: ['FOO=bar'] })[0]?.message).toBe('must be an object, not an array')
  })

  it('reports a value outside its enum, with a guess for a typo', () => {
    expect(issues({ ...valid, model: 'Sonet' })[0]?.message).toBe('must be one of "opus", "sonnet", "haiku" (did you mean "sonnet"?)')
    expect(issues({ ...valid, model: 'gpt' })[0]?.message).toBe('must be one of "opus", "sonnet", "haiku"')
  })

  it('reports numeric bounds', () => {
    expect(issues({ ...valid, timeout_s: 0 })).toEqual([{ path: ['timeout_s'], message: 'must be ≥ 1', target: 'value' }])
    expect(issues({ ...valid, timeout_s: 100000 })[0]?.message).toBe('must be ≤ 86400')
    expect(issues({ ...valid, temperature: 2 })[0]?.message).toBe('must be < 2')
    expect(issues({ ...valid, limits: { turns: 0 } })).toEqual([{ path: ['limits', 'turns'], message: 'must be > 0', target: 'value' }])
  })

  it('reports unknown keys at the key, suggesting the closest known one', () => {
    expect(issues({ ...valid, timeout: 5 })).toEqual([{ path: ['timeout'], message: 'unknown key (did you mean “timeout_s”?)', target: 'key' }])
    expect(issues({ ...valid, limits: { rounds: 1 } })[0]).toEqual({
      path: ['limits', 'rounds'],
      message: 'unknown key (allowed: turns, budget_usd)',
      target: 'key',
    })
  })

  it('reports missing required keys at their would-be path', () => {
    expect(issues({ model: 'opus' })).toEqual([{ path: ['command'], message: 'is required', target: 'key' }])
  })

  it('checks every array item and names its index', () => {
    expect(issues({ ...valid, command: ['claude', 7, ''] })).toEqual([
      { path: ['command', 1], message: 'must be a string, not a number', target: 'value' },
      { path: ['command', 2], message: 'must not be empty', target: 'value' },
    ])
    expect(issues({ ...valid, command: [] })[0]?.message).toBe('must have at least 1 item')
  })

  it('checks additionalProperties given as a schema (env.FOO)', () => {
    expect(issues({ ...valid, env: { FOO: 'bar', PORT: 8080 } })).toEqual([
      { path: ['env', 'PORT'], message: 'must be a string, not a number', target: 'value' },
    ])
  })

  it('explains a value that fits none of the anyOf forms', () => {
    expect(issues({ ...valid, tools: 5 })[0]?.message).toBe('must be a string or an array, not a number')
    expect(issues({ ...valid, tools: 'some' })[0]?.message).toBe('must be one of "all"')
    expect(issues({ ...valid, tools: ['Read', 1] })[0]).toMatchObject({ path: ['tools', 1], message: 'must be a string, not a number' })
  })

  it('requires exactly one oneOf form to match', () => {
    const schema = { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] }
    expect(issues(-1.5, schema)[0]?.message).toBe('must be ≥ 0')
    expect(issues(3, schema)[0]?.message).toBe('matches more than one of the allowed forms')
    expect(issues(0.5, schema)).toEqual([])
  })

  it('follows $ref to #/$defs and survives a reference cycle', () => {
    const cyclic = { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' }
    expect(issues({ anything: true }, cyclic)).toEqual([])
    const tree = {
      $defs: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } }, name: { type: 'string' } } } },
      $ref: '#/$defs/node',
    }
    expect(issues({ children: [{ children: [{ name: 3 }] }] }, tree)).toEqual([
      { path: ['children', 0, 'children', 0, 'name'], message: 'must be a string, not a number', target: 'value' },
    ])
  })

  it('supports boolean schemas, const, pattern and uniqueItems', () => {
    expect(issues({ a: 1 }, { properties: { a: false } })[0]).toEqual({ path: ['a'], message: 'is not allowed here', target: 'key' })
    expect(issues({ v: 2 }, { properties: { v: { const: 1 } } })[0]?.message).toBe('must be 1')
    expect(issues({ id: 'A-1' }, { properties: { id: { type: 'string', pattern: '^[a-z]+$' } } })[0]?.message).toBe('must match the pattern ^[a-z]+$')
    expect(issues({ tags: ['a', 'b', 'a'] }, { properties: { tags: { uniqueItems: true } } })[0]).toMatchObject({ path: ['tags', 2] })
  })

  it('ignores keywords it does not know and a pattern that does not compile', () => {
    expect(issues({ a: 'x' }, { properties: { a: { type: 'string', format: 'email', pattern: '(' } } })).toEqual([])
  })
})
