import { describe, expect, it } from 'vitest'

import { fileName, formatExtraValue, formatModel, formatSuccessRate, originLabel, sourceLabel, successTone, summarizeTools } from './format'

describe('formatSuccessRate', () => {
  it.each([
    [null, '—'],
    [1, '100%'],
    [0, '0%'],
    [0.874, '87%'],
    [0.996, '99%'],
    [0.004, '<1%'],
    [1.2, '100%'],
  ])('%s → %s', (rate, text) => expect(formatSuccessRate(rate)).toBe(text))

  it('gives each rate a tone', () => {
    expect([0.95, 0.75, 0.5, null].map(successTone)).toEqual(['good', 'fair', 'poor', 'none'])
  })
})

describe('formatModel', () => {
  it('names aliases and keeps full ids', () => {
    expect(formatModel('sonnet')).toBe('Sonnet')
    expect(formatModel('inherit')).toBe('Inherits model')
    expect(formatModel('claude-opus-4-1-20250805')).toBe('claude-opus-4-1-20250805')
    expect(formatModel(null)).toBeNull()
    expect(formatModel('  ')).toBeNull()
  })
})

describe('summarizeTools', () => {
  it('shows the first few and counts the rest', () => {
    expect(summarizeTools(['Read', 'Write', 'Edit', 'Bash', 'Grep'])).toEqual({ all: false, shown: ['Read', 'Write', 'Edit'], more: 2, total: 5 })
    expect(summarizeTools(['Read'])).toEqual({ all: false, shown: ['Read'], more: 0, total: 1 })
    expect(summarizeTools([])).toEqual({ all: false, shown: [], more: 0, total: 0 })
  })

  it('says "all" when the file restricts nothing', () => {
    expect(summarizeTools(null)).toEqual({ all: true })
  })
})

describe('sourceLabel', () => {
  it('prefers the defining file, then the registry, then configuration, then runs', () => {
    expect(sourceLabel({ definition: { path: '/p/.claude/agents/a.md', scope: 'project', project_id: 'p' }, origins: ['file', 'seen'] })).toBe('Project file')
    expect(sourceLabel({ definition: null, origins: ['seen', 'registry'] })).toBe('Registry')
    expect(sourceLabel({ definition: null, origins: ['seen', 'configured'] })).toBe('Configured in Baton')
    expect(sourceLabel({ definition: null, origins: ['seen'] })).toBe('Seen in runs')
  })
})

describe('originLabel', () => {
  it('names the origins it knows and shows a newer one as it is', () => {
    expect(originLabel('configured')).toMatchObject({ key: 'configured', label: 'Configured' })
    expect(originLabel('imported')).toEqual({ key: 'imported', label: 'imported', description: 'imported' })
  })
})

describe('formatExtraValue', () => {
  it('shows scalars inline and structures as JSON blocks', () => {
    expect(formatExtraValue(25)).toEqual({ text: '25', block: false })
    expect(formatExtraValue(['a', 'b'])).toEqual({ text: 'a, b', block: false })
    expect(formatExtraValue({ github: { command: 'gh' } })).toEqual({ text: '{\n  "github": {\n    "command": "gh"\n  }\n}', block: true })
    expect(formatExtraValue(null)).toEqual({ text: '—', block: false })
  })
})

describe('fileName', () => {
  it('is the last part of a path', () => {
    expect(fileName('/home/me/.claude/agents/backend-expert.md')).toBe('backend-expert.md')
    expect(fileName('C:\\agents\\qa.md')).toBe('qa.md')
  })
})
