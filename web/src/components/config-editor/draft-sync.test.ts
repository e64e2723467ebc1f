import { describe, expect, it } from 'vitest'

import { analyzeConfig } from './analyze'
import { isNews, meaningOf } from './draft-sync'

const meaning = (text: string) => meaningOf(analyzeConfig({ text, format: 'yaml', schema: null }))

describe('draft sync', () => {
  it('reads an object, and anything else as invalid', () => {
    expect(meaning('name: x\n')).toEqual({ value: { name: 'x' } })
    expect(meaning('name: [\n')).toBe('invalid')
    expect(meaning('- a\n- b\n')).toBe('invalid')
  })

  it('reports an edit, the text breaking and it being fixed again', () => {
    const before = meaning('name: x\n')
    expect(isNews(before, meaning('name: y\n'))).toBe(true)
    expect(isNews(before, 'invalid')).toBe(true)
    expect(isNews('invalid', 'invalid')).toBe(false)
    expect(isNews('invalid', before)).toBe(true)
  })

  it('does not report layout, key order or comments: the meaning is the same', () => {
    const before = meaning('name: x\ntasks: []\n')
    expect(isNews(before, meaning('# a comment\ntasks: []\nname: "x"\n'))).toBe(false)
    expect(isNews(before, meaningOf(analyzeConfig({ text: '{"tasks": [], "name": "x"}', format: 'json', schema: null })))).toBe(false)
  })
})
