import { describe, expect, it } from 'vitest'

import { agentColor, hueFromDeclaredColor, hueFromHex, hueFromName, initialsFromName } from './agent-color'

describe('hueFromName', () => {
  it('gives the same hue for the same name, whatever the case or surrounding spaces', () => {
    expect(hueFromName('backend-expert')).toBe(hueFromName('backend-expert'))
    expect(hueFromName(' Backend-Expert ')).toBe(hueFromName('backend-expert'))
  })

  it('stays on the colour wheel', () => {
    for (const name of ['', 'a', 'tester', 'qa-test-engineer', '日本語のエージェント', 'ünïcödé', 'x'.repeat(500)]) {
      const hue = hueFromName(name)
      expect(Number.isInteger(hue)).toBe(true)
      expect(hue).toBeGreaterThanOrEqual(0)
      expect(hue).toBeLessThan(360)
    }
  })

  it('spreads names that differ by one character', () => {
    const hues = ['agent-1', 'agent-2', 'agent-3', 'agent-4'].map(hueFromName)
    expect(new Set(hues).size).toBe(4)
  })

  it('spreads the example project’s agents over distinct hues', () => {
    const agents = ['business-analyst', 'database-architect', 'backend-expert', 'frontend-expert', 'security-specialist', 'qa-test-engineer', 'devops-sre-expert']
    expect(new Set(agents.map(hueFromName)).size).toBe(agents.length)
  })
})

describe('agentColor', () => {
  it('gives an agent the hue the dashboard gives it', () => {
    expect(agentColor('backend-expert').style).toEqual({ '--agent-hue': hueFromName('backend-expert') })
    expect(agentColor('backend-expert').chip).toContain('var(--agent-hue)')
  })

  it('has a neutral colour for lines without an agent', () => {
    for (const none of [null, undefined, '']) {
      expect(agentColor(none).style).toBeUndefined()
      expect(agentColor(none).chip).toContain('bg-muted')
    }
  })
})

describe('declared colours', () => {
  it('puts the colour names of agent files on the palette, whatever their case', () => {
    const hues = ['red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple', 'pink'].map(hueFromDeclaredColor)
    expect(hues.every((hue) => hue !== null && hue >= 0 && hue < 360)).toBe(true)
    expect(new Set(hues).size).toBe(hues.length)
    expect(hueFromDeclaredColor(' Green ')).toBe(hueFromDeclaredColor('green'))
  })

  it('reads hex colours as their OKLCH hue', () => {
    expect(hueFromHex('#ff0000')).toBe(29)
    expect(hueFromHex('#00ff00')).toBe(142)
    expect(hueFromHex('#0000ff')).toBe(264)
    expect(hueFromHex('#f00')).toBe(hueFromHex('#ff0000'))
    expect(hueFromDeclaredColor('#7C3AED')).toBe(hueFromHex('#7c3aed'))
  })

  it('has no hue for greys, unknown names and nonsense', () => {
    for (const color of ['#808080', '#ffffff', 'gray', 'chartreuse-ish', '#12', 'rgb(1,2,3)', '', null, undefined]) {
      expect(hueFromDeclaredColor(color)).toBeNull()
    }
  })

  it('gives an agent its declared colour, and its name’s colour otherwise', () => {
    expect(agentColor('backend-expert', 'green').style).toEqual({ '--agent-hue': hueFromDeclaredColor('green') })
    expect(agentColor('backend-expert', 'gray').style).toEqual(agentColor('backend-expert').style)
    expect(agentColor('backend-expert', null).style).toEqual(agentColor('backend-expert').style)
  })
})

describe('initialsFromName', () => {
  it.each([
    ['backend-expert', 'BE'],
    ['qa_test_engineer', 'QT'],
    ['tester', 'TE'],
    ['x', 'X'],
    ['  ', '?'],
    ['Code Reviewer', 'CR'],
  ])('%s → %s', (name, initials) => {
    expect(initialsFromName(name)).toBe(initials)
  })
})
