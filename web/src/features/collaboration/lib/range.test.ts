import { describe, expect, it } from 'vitest'

import { DEFAULT_COLLABORATION_RANGE, parseCollaborationRange } from './range'

describe('parseCollaborationRange', () => {
  it('reads the ranges the graph counts over', () => {
    expect(parseCollaborationRange('24h')).toBe('24h')
    expect(parseCollaborationRange('30d')).toBe('30d')
  })

  it('falls back to the default for anything else', () => {
    for (const value of [null, undefined, '', '1h', '90d', '7D']) expect(parseCollaborationRange(value)).toBe(DEFAULT_COLLABORATION_RANGE)
  })
})
