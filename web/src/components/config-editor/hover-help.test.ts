import { describe, expect, it } from 'vitest'

import { helpAt } from './hover-help'

const SCHEMA = {
  type: 'object',
  properties: {
    model: { type: 'string', enum: ['opus', 'sonnet'], description: 'Which model runs the agent.' },
    limits: { $ref: '#/$defs/limits' },
    env: { type: 'object', additionalProperties: { type: 'string', description: 'An environment variable.' } },
  },
  $defs: { limits: { type: 'object', properties: { turns: { type: ['integer', 'null'], minimum: 1, default: 10 } } } },
}

describe('helpAt', () => {
  const text = 'model: opus\nlimits:\n  turns: 3\nenv:\n  FOO: bar\n'

  it('describes the key under the cursor from its schema', () => {
    expect(helpAt(text, 'yaml', SCHEMA, 2)).toEqual({
      from: 0,
      to: 5,
      path: 'model',
      type: 'string',
      description: 'Which model runs the agent.',
      details: ['One of: "opus", "sonnet"'],
    })
  })

  it('follows $ref and additionalProperties', () => {
    expect(helpAt(text, 'yaml', SCHEMA, text.indexOf('turns'))).toMatchObject({
      path: 'limits.turns',
      type: 'integer | null',
      details: ['Minimum: 1', 'Default: 10'],
    })
    expect(helpAt(text, 'yaml', SCHEMA, text.indexOf('FOO'))).toMatchObject({ path: 'env.FOO', description: 'An environment variable.' })
  })

  it('has nothing to say about values, unknown keys or broken text', () => {
    expect(helpAt(text, 'yaml', SCHEMA, text.indexOf('opus'))).toBeNull()
    expect(helpAt('other: 1\n', 'yaml', SCHEMA, 1)).toBeNull()
    expect(helpAt('model: [', 'yaml', SCHEMA, 1)).toBeNull()
  })
})
